/// Something recorded per Route/Record-Route value, the first record kept: the frame that first
/// carried a value, the proxy that inserted it.
///
/// A dialog has a handful of distinct values, and those of one dialog come from one
/// `RouteValueCache`, so equal values are usually the same object: a linear search compares
/// references where a `Dictionary` would hash every long text. A table takes over only for
/// dialogs with many values (a crafted message with hundreds must not make each look-up slow).
struct FirstPerValue<Element> {
    private var recent: [(value: RouteValue, element: Element)] = []
    private var table: [String: Element] = [:]
    /// Values kept in `recent` before the table is used.
    private static var linearLimit: Int { 16 }

    /// What was recorded first for `value`, nil when nothing was.
    subscript(value: RouteValue) -> Element? {
        if let known = recent.first(where: { $0.value == value }) { return known.element }
        return table.isEmpty ? nil : table[value.raw]
    }

    /// Records `element` for `value` unless something was recorded for it already; true when
    /// this is the first record.
    @discardableResult
    mutating func recordIfAbsent(_ value: RouteValue, _ element: Element) -> Bool {
        guard self[value] == nil else { return false }
        if recent.isEmpty { recent.reserveCapacity(4) }  // one allocation for the usual handful
        if recent.count < Self.linearLimit {
            recent.append((value, element))
        } else {
            table[value.raw] = element
        }
        return true
    }
}
