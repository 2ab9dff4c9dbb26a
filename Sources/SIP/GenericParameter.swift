/// One `;name[=value]` parameter of a URI or header value (RFC 3261 25.1 generic-param).
///
/// The name and value are kept as written (for URI parameters: still %-escaped; for header
/// parameters a quoted-string value keeps its quotes). Names compare case-insensitively.
public struct GenericParameter: Sendable, Hashable, CustomStringConvertible {
    /// Parameter name as written.
    public var name: String
    /// Value as written, or nil for a flag parameter such as `lr`.
    public var value: String?

    /// Creates a parameter.
    public init(name: String, value: String? = nil) {
        self.name = name
        self.value = value
    }

    /// The value without surrounding quotes and with `\` escapes resolved.
    public var unquotedValue: String? {
        guard let value else { return nil }
        let b = Array(value.utf8)
        guard b.count >= 2, b.first == UInt8(ascii: "\""), b.last == UInt8(ascii: "\"") else { return value }
        var out = [UInt8]()
        var i = 1
        while i < b.count - 1 {
            if b[i] == UInt8(ascii: "\\"), i + 1 < b.count - 1 { i += 1 }
            out.append(b[i])
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `;name` or `;name=value`, as on the wire.
    public var description: String { value.map { ";\(name)=\($0)" } ?? ";\(name)" }
}

extension Array where Element == GenericParameter {
    /// The value of the first parameter named `name` (case-insensitive): nil when absent,
    /// `.some(nil)` for a flag parameter, `.some(value)` otherwise.
    public func parameter(_ name: String) -> String?? {
        let wanted = name.lowercased()
        for p in self where p.name.lowercased() == wanted { return .some(p.value) }
        return nil
    }

    /// True when a parameter named `name` is present (case-insensitive).
    public func has(_ name: String) -> Bool { parameter(name) != nil }
}

/// Parses `;name[=value]` lists in header values (after a name-addr or Via sent-by).
enum HeaderParameterParser {
    /// Splits `b[from...]` on `;` outside quoted strings into `name[=value]` pairs, trimmed,
    /// skipping empty ones and not checking characters (the lenient reading).
    static func parseLenient(_ b: [UInt8], from: Int) -> [GenericParameter] {
        var out = [GenericParameter]()
        var pieces = [Range<Int>]()
        var start = from, i = from, inQuotes = false
        while i < b.count {
            let c = b[i]
            if inQuotes {
                if c == UInt8(ascii: "\\") { i += 2; continue }
                if c == UInt8(ascii: "\"") { inQuotes = false }
            } else if c == UInt8(ascii: "\"") {
                inQuotes = true
            } else if c == UInt8(ascii: ";") {
                pieces.append(start..<i)
                start = i + 1
            }
            i += 1
        }
        pieces.append(start..<b.count)
        for r in pieces {
            let piece = Array(b[r])
            let text = String(decoding: piece, as: UTF8.self).trimmingLWS
            guard !text.isEmpty else { continue }
            if let eq = text.firstIndex(of: "=") {
                let name = String(text[..<eq]).trimmingLWS
                guard !name.isEmpty else { continue }
                out.append(GenericParameter(name: name, value: String(text[text.index(after: eq)...]).trimmingLWS))
            } else {
                out.append(GenericParameter(name: text, value: nil))
            }
        }
        return out
    }

    /// Parses `b[from...]`, which must start with `;` or be empty. LWS is allowed around `;` and
    /// `=` (RFC 3261 25.1 SEMI, EQUAL). Values are tokens, quoted strings or host-like text.
    static func parse(_ b: [UInt8], from: Int, errorKind: SIPParseError.Kind) throws(SIPParseError) -> [GenericParameter] {
        var out = [GenericParameter]()
        var i = from
        func skipLWS() { while i < b.count, ByteClass.isLWS(b[i]) { i += 1 } }
        skipLWS()
        while i < b.count {
            guard b[i] == UInt8(ascii: ";") else {
                throw SIPParseError(errorKind, at: i, "';' expected before a parameter")
            }
            i += 1
            skipLWS()
            let ns = i
            while i < b.count, ByteClass.isToken(b[i]) { i += 1 }
            guard i > ns else { throw SIPParseError(errorKind, at: ns, "empty parameter") }
            let name = String(decoding: b[ns..<i], as: UTF8.self)
            skipLWS()
            var value: String? = nil
            if i < b.count, b[i] == UInt8(ascii: "=") {
                i += 1
                skipLWS()
                let vs = i
                if i < b.count, b[i] == UInt8(ascii: "\"") {
                    i += 1
                    var closed = false
                    while i < b.count {
                        if b[i] == UInt8(ascii: "\\") { i += 2; continue }
                        if b[i] == UInt8(ascii: "\"") { closed = true; i += 1; break }
                        i += 1
                    }
                    guard closed, i <= b.count else { throw SIPParseError(.unbalanced, at: vs, "unterminated quoted parameter value") }
                } else {
                    // token / host / IPv6reference (RFC 3261 gen-value)
                    while i < b.count, ByteClass.isToken(b[i]) || b[i] == UInt8(ascii: ":")
                        || b[i] == UInt8(ascii: "[") || b[i] == UInt8(ascii: "]") { i += 1 }
                }
                guard i > vs else { throw SIPParseError(errorKind, at: vs, "empty parameter value") }
                value = String(decoding: b[vs..<i], as: UTF8.self)
                skipLWS()
            }
            out.append(GenericParameter(name: name, value: value))
        }
        return out
    }
}
