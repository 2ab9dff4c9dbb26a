/// A dictionary kept as a plain array of pairs while it is small, and as a `Dictionary` beyond
/// `SmallMap.limit` entries: for a call's bookkeeping, as `SmallSet` (see there for why).
struct SmallMap<Key: Hashable, Value> {
    /// Above this many entries the map is hashed.
    static var limit: Int { 16 }

    private var small: [(key: Key, value: Value)] = []
    private var large: [Key: Value]?

    subscript(key: Key) -> Value? {
        get {
            if let large { return large[key] }
            return small.first { $0.key == key }?.value
        }
        set {
            if large != nil {
                large?[key] = newValue
            } else if let index = small.firstIndex(where: { $0.key == key }) {
                if let newValue { small[index].value = newValue } else { small.remove(at: index) }
            } else if let newValue {
                small.append((key, newValue))
                if small.count > Self.limit {
                    large = Dictionary(small, uniquingKeysWith: { _, last in last })
                    small = []
                }
            }
        }
    }

    /// Changes the value of `key` in place, starting from `initial` when there is none (as
    /// `dictionary[key, default: initial]` does).
    mutating func modify(_ key: Key, default initial: @autoclosure () -> Value, _ change: (inout Value) -> Void) {
        if large != nil {
            change(&large![key, default: initial()])
        } else if let index = small.firstIndex(where: { $0.key == key }) {
            change(&small[index].value)
        } else {
            var value = initial()
            change(&value)
            self[key] = value
        }
    }

    /// Every value, in no particular order.
    var values: [Value] { large.map { Array($0.values) } ?? small.map(\.value) }
}
