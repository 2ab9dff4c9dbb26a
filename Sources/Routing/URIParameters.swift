/// Scanning of a URI parameter section (the text after the first `;` of a URI, up to `?`), the way
/// Kamailio's rr module and URI parser look at it.
public enum URIParameters {
    /// Whether a parameter named `name` (ASCII, case-insensitive) is present, with or without a
    /// value, following `is_strict()` / `is_2rr()` (loose.c, parse_rr.h): whitespace around the
    /// name is tolerated, `lr=on`, `LR` and `lr=0` all count, `lrx` and a value `foo=lr` do not,
    /// and `;` inside a double-quoted value does not start a parameter.
    public static func contains(_ name: String, in params: String) -> Bool {
        let target = Array(name.lowercased().utf8)
        let bytes = Array(params.utf8)
        var i = 0
        while i <= bytes.count {
            // One parameter: skip leading white space, then compare the name.
            var j = i
            while j < bytes.count, isWhite(bytes[j]) { j += 1 }
            var k = 0
            while k < target.count, j < bytes.count, lower(bytes[j]) == target[k] { j += 1; k += 1 }
            if k == target.count {
                var m = j
                while m < bytes.count, isWhite(bytes[m]) { m += 1 }
                if m == bytes.count || bytes[m] == UInt8(ascii: ";") || bytes[m] == UInt8(ascii: "=") {
                    return true
                }
            }
            // Skip to the next unquoted `;` (Kamailio's state 4/5/6).
            var quoted = false
            var n = i
            while n < bytes.count {
                let c = bytes[n]
                if quoted {
                    if c == UInt8(ascii: "\\") { n += 1 } else if c == UInt8(ascii: "\"") { quoted = false }
                } else if c == UInt8(ascii: "\"") {
                    quoted = true
                } else if c == UInt8(ascii: ";") {
                    break
                }
                n += 1
            }
            if n >= bytes.count { return false }
            i = n + 1
        }
        return false
    }

    /// The value of the first parameter named `name` (case-insensitive), as `parse_uri` records it
    /// (`maddr`, `transport`, `gr`...): `""` for a parameter without value, `nil` when absent.
    public static func value(of name: String, in params: String) -> String? {
        for param in split(params) {
            let trimmed = param.drop(while: { $0 == " " || $0 == "\t" })
            let parts = trimmed.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let first = parts.first else { continue }
            if first.trimmingWhite().lowercased() == name.lowercased() {
                return parts.count > 1 ? String(parts[1].trimmingWhite()) : ""
            }
        }
        return nil
    }

    /// The parameters split at unquoted `;`.
    static func split(_ params: String) -> [Substring] {
        var result: [Substring] = []
        var start = params.startIndex
        var quoted = false
        var i = params.startIndex
        while i < params.endIndex {
            let c = params[i]
            if c == "\"" { quoted.toggle() }
            if c == ";" && !quoted {
                result.append(params[start..<i])
                start = params.index(after: i)
            }
            i = params.index(after: i)
        }
        result.append(params[start..<params.endIndex])
        return result
    }

    static func isWhite(_ c: UInt8) -> Bool {
        c == UInt8(ascii: " ") || c == UInt8(ascii: "\t") || c == UInt8(ascii: "\r") || c == UInt8(ascii: "\n")
    }

    static func lower(_ c: UInt8) -> UInt8 {
        c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z") ? c + 32 : c
    }
}

extension Substring {
    func trimmingWhite() -> Substring {
        var s = self
        while let f = s.first, f == " " || f == "\t" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" { s = s.dropLast() }
        return s
    }
}
