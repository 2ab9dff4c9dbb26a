/// Escaping for text that came off the wire and ends up in the HTML report (element content,
/// attribute values, inline SVG `<text>` and `<title>`).
///
/// Every captured string (URIs, Call-IDs, Route values, reason phrases) is attacker-controlled:
/// a header value such as `<script>` or `"><img onerror=…>` must stay text. The five characters
/// with meaning in HTML and XML are replaced by character references (HTML Living Standard
/// §13.1.4; XML 1.0 §2.4), and C0 controls other than tab, LF and CR, which XML forbids and SVG
/// parsers reject, become U+FFFD.
public enum HTMLEscaping {
    /// `text` safe to place in element content or in a double- or single-quoted attribute value.
    public static func escape(_ text: String) -> String {
        // Fast path: nothing to replace (the common case for numbers and plain tokens).
        if !text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 || ($0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D) || $0 == 0x7F }) {
            return text
        }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            case let control where control.value < 0x20 || control.value == 0x7F: out += "\u{FFFD}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// A string usable as an `id` and URL fragment: letters, digits, `-` and `_` kept, anything
    /// else replaced by `_` (finding codes and generated ids only; never captured text).
    public static func identifier(_ text: String) -> String {
        String(text.unicodeScalars.map { scalar -> Character in
            let value = scalar.value
            let isAlnum = (0x30...0x39).contains(value) || (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value)
            return isAlnum || scalar == "-" || scalar == "_" ? Character(scalar) : "_"
        })
    }

    /// `text` cut to `limit` characters with an ellipsis, for labels in the ladder diagram (the
    /// full value stays in the card and in the tooltip).
    public static func truncated(_ text: String, to limit: Int) -> String {
        text.count <= limit ? text : String(text.prefix(max(0, limit - 1))) + "…"
    }
}
