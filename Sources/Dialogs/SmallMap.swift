/// A dictionary kept as a plain array of pairs while it is small, and as a `Dictionary` beyond
/// `SmallMap.limit` entries: for a call's bookkeeping, as `SmallSet` (see there for why), the
/// first entry held inline.
struct SmallMap<Key: Hashable, Value> {
    /// Above this many entries the map is hashed.
    static var limit: Int { 16 }

    /// The first entry; nil only while the map is empty (or hashed).
    private var first: (key: Key, value: Value)?
    /// The others.
    private var rest: [(key: Key, value: Value)] = []
    private var large: [Key: Value]?

    subscript(key: Key) -> Value? {
        get {
            if let large { return large[key] }
            if let first, first.key == key { return first.value }
            return rest.first { $0.key == key }?.value
        }
        set {
            if large != nil {
                large?[key] = newValue
            } else if let first, first.key == key {
                if let newValue { self.first?.value = newValue } else { self.first = rest.popLast() }
            } else if let index = rest.firstIndex(where: { $0.key == key }) {
                if let newValue { rest[index].value = newValue } else { rest.remove(at: index) }
            } else if let newValue {
                if first == nil {
                    first = (key, newValue)
                    return
                }
                rest.append((key, newValue))
                if rest.count + 1 > Self.limit, let first {
                    large = Dictionary(rest + [first], uniquingKeysWith: { _, last in last })
                    self.first = nil
                    rest = []
                }
            }
        }
    }

    /// Changes the value of `key` in place, starting from `initial` when there is none (as
    /// `dictionary[key, default: initial]` does).
    mutating func modify(_ key: Key, default initial: @autoclosure () -> Value, _ change: (inout Value) -> Void) {
        if large != nil {
            change(&large![key, default: initial()])
        } else if first?.key == key {
            change(&first!.value)
        } else if let index = rest.firstIndex(where: { $0.key == key }) {
            change(&rest[index].value)
        } else {
            var value = initial()
            change(&value)
            self[key] = value
        }
    }

    /// Every value, in no particular order.
    var values: [Value] {
        if let large { return Array(large.values) }
        guard let first else { return [] }
        return [first.value] + rest.map(\.value)
    }
}
