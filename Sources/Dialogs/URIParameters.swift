/// Reads the URI parameters out of a Route / Record-Route value without a full URI parse.
///
/// Only for display (`proxies[].params`); the rr engine's `RouteEntry` is the authority on how
/// Kamailio reads a value.
enum URIParameters {
    /// `<sip:10.0.0.1;lr;ftag=a1>;foo` gives `lr`, `ftag=a1` (parameters inside the brackets only,
    /// RFC 3261 20.30: parameters after `>` belong to the header, not the URI). Scans UTF-8 bytes:
    /// every delimiter is ASCII, and each dialog's JSON record asks for its proxies' parameters.
    static func parse(nameAddress text: String) -> [(name: String, value: String?)] {
        let bytes = Array(text.utf8)
        func first(_ byte: Unicode.Scalar, in range: Range<Int>) -> Int? {
            range.first { bytes[$0] == UInt8(ascii: byte) }
        }
        var uri = 0..<bytes.count
        if let open = first("<", in: uri) {
            let rest = (open + 1)..<bytes.count
            uri = rest.lowerBound..<(first(">", in: rest) ?? rest.upperBound)
        }
        // URI headers (`?`) end the parameters.
        if let question = first("?", in: uri) { uri = uri.lowerBound..<question }
        // Skip an IPv6 reference so its colons and the host do not count.
        let start = uri.last { bytes[$0] == UInt8(ascii: "]") } ?? uri.lowerBound
        guard let semicolon = first(";", in: start..<uri.upperBound) else { return [] }
        func trimmed(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self).trimmingSpaces }
        var parameters: [(name: String, value: String?)] = []
        var partStart = semicolon + 1
        for index in (semicolon + 1)...uri.upperBound where index == uri.upperBound || bytes[index] == UInt8(ascii: ";") {
            let part = partStart..<index
            partStart = index + 1
            guard !part.isEmpty else { continue }
            if let equals = first("=", in: part) {
                parameters.append((trimmed(part.lowerBound..<equals), trimmed((equals + 1)..<part.upperBound)))
            } else {
                parameters.append((trimmed(part), nil))
            }
        }
        return parameters
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
