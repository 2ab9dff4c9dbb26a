/// Reads the URI parameters out of a Route / Record-Route value without a full URI parse.
///
/// Only for display (`proxies[].params`); the rr engine's `RouteEntry` is the authority on how
/// Kamailio reads a value.
enum URIParameters {
    /// `<sip:10.0.0.1;lr;ftag=a1>;foo` gives `lr`, `ftag=a1` (parameters inside the brackets only,
    /// RFC 3261 20.30: parameters after `>` belong to the header, not the URI).
    static func parse(nameAddress text: String) -> [(name: String, value: String?)] {
        var uri = Substring(text)
        if let open = text.firstIndex(of: "<") {
            let rest = text[text.index(after: open)...]
            uri = rest.firstIndex(of: ">").map { rest[..<$0] } ?? rest
        }
        // URI headers (`?`) end the parameters.
        if let question = uri.firstIndex(of: "?") { uri = uri[..<question] }
        // Skip an IPv6 reference so its colons and the host do not count.
        var start = uri.startIndex
        if let close = uri.lastIndex(of: "]") { start = close }
        guard let semicolon = uri[start...].firstIndex(of: ";") else { return [] }
        return uri[uri.index(after: semicolon)...].split(separator: ";", omittingEmptySubsequences: true).map { part in
            if let equals = part.firstIndex(of: "=") {
                return (String(part[..<equals]).trimmingSpaces, String(part[part.index(after: equals)...]).trimmingSpaces)
            }
            return (String(part).trimmingSpaces, nil)
        }
    }
}

extension String {
    /// The text without leading and trailing spaces and tabs.
    var trimmingSpaces: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { $0 != " " && $0 != "\t" }),
              let last = scalars.lastIndex(where: { $0 != " " && $0 != "\t" }) else { return "" }
        return String(scalars[first...last])
    }
}
