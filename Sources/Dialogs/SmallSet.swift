/// A set kept as a plain array while it is small, and as a `Set` beyond `SmallSet.limit` elements.
///
/// A call's bookkeeping (`CallProgress`) holds a handful of tags and keys per call, updated on
/// every message: comparing a few Strings costs far less than hashing one, and the array needs no
/// hash table allocated per call. The first element is held inline: most of a call's sets hold
/// one, and then no array is allocated at all. The `Set` keeps a pathological call (thousands of
/// dialog-forming requests) from going quadratic.
struct SmallSet<Element: Hashable> {
    /// Above this many elements the set is hashed.
    static var limit: Int { 16 }

    /// The first element; nil only while the set is empty (or hashed).
    private var first: Element?
    /// The others.
    private var rest: [Element] = []
    private var large: Set<Element>?

    var isEmpty: Bool { large?.isEmpty ?? (first == nil) }

    func contains(_ element: Element) -> Bool {
        if let large { return large.contains(element) }
        // Compared in place: `first == element` made an optional copy of the element first.
        if let first, first == element { return true }
        return rest.contains(element)
    }

    mutating func insert(_ element: Element) {
        if large != nil {
            large?.insert(element)
        } else if first == nil {
            first = element
        } else if !contains(element) {
            rest.append(element)
            if rest.count + 1 > Self.limit, let first {
                large = Set(rest + [first])
                self.first = nil
                rest = []
            }
        }
    }

    mutating func remove(_ element: Element) {
        if large != nil {
            large?.remove(element)
        } else if let held = first, held == element {
            first = rest.popLast()
        } else if let index = rest.firstIndex(of: element) {
            rest.remove(at: index)
        }
    }

    /// Calls `body` with each element (in no particular order) until it returns false; returns
    /// whether it ran to the end.
    func allSatisfy(_ body: (Element) -> Bool) -> Bool {
        if let large { return large.allSatisfy(body) }
        if let first, !body(first) { return false }
        return rest.allSatisfy(body)
    }
}
