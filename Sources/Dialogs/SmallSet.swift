/// A set kept as a plain array while it is small, and as a `Set` beyond `SmallSet.limit` elements.
///
/// A call's bookkeeping (`CallRecord`) holds a handful of tags and keys per call, updated on every
/// message: comparing a few Strings costs far less than hashing one, and the array needs no hash
/// table allocated per call. The `Set` keeps a pathological call (thousands of dialog-forming
/// requests) from going quadratic.
struct SmallSet<Element: Hashable> {
    /// Above this many elements the set is hashed.
    static var limit: Int { 16 }

    private var small: [Element] = []
    private var large: Set<Element>?

    var isEmpty: Bool { large?.isEmpty ?? small.isEmpty }

    func contains(_ element: Element) -> Bool {
        if let large { return large.contains(element) }
        return small.contains(element)
    }

    mutating func insert(_ element: Element) {
        if large != nil {
            large?.insert(element)
        } else if !small.contains(element) {
            small.append(element)
            if small.count > Self.limit {
                large = Set(small)
                small = []
            }
        }
    }

    mutating func remove(_ element: Element) {
        if large != nil {
            large?.remove(element)
        } else if let index = small.firstIndex(of: element) {
            small.remove(at: index)
        }
    }

    /// Calls `body` with each element (in no particular order) until it returns false; returns
    /// whether it ran to the end.
    func allSatisfy(_ body: (Element) -> Bool) -> Bool {
        if let large { return large.allSatisfy(body) }
        return small.allSatisfy(body)
    }
}
