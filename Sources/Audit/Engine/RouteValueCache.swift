/// Parses each distinct Route/Record-Route text once per dialog: the same few values recur in
/// every copy of the INVITE, every response and every in-dialog request.
///
/// A dialog has a handful of distinct values, each tens of bytes long: comparing a few Strings
/// (length first) is cheaper than hashing each long text, so the first ones are found by a
/// linear search and a table takes over only for dialogs with many.
struct RouteValueCache {
    private var recent: [RouteValue] = []
    private var table: [String: RouteValue] = [:]
    /// Values kept in `recent` before the table is used.
    private static let linearLimit = 16

    mutating func value(_ raw: String) -> RouteValue {
        if let known = recent.first(where: { $0.raw == raw }) ?? (table.isEmpty ? nil : table[raw]) { return known }
        let parsed = RouteValue(raw)
        if recent.count < Self.linearLimit {
            recent.append(parsed)
        } else {
            table[raw] = parsed
        }
        return parsed
    }

    mutating func values(_ raws: [String]) -> [RouteValue] {
        raws.map { value($0) }
    }
}
