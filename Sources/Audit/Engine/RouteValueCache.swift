/// Parses each distinct Route/Record-Route text once per dialog: the same few values recur in
/// every copy of the INVITE, every response and every in-dialog request.
struct RouteValueCache {
    private var values: [String: RouteValue] = [:]

    mutating func value(_ raw: String) -> RouteValue {
        if let known = values[raw] { return known }
        let parsed = RouteValue(raw)
        values[raw] = parsed
        return parsed
    }

    mutating func values(_ raws: [String]) -> [RouteValue] {
        raws.map { value($0) }
    }
}
