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
        b.withUnsafeBufferPointer { p in
            var out = [GenericParameter]()
            func text(_ r: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: p[r]), as: UTF8.self) }
            forEachLenient(p, from: from) { name, value in
                out.append(GenericParameter(name: text(name), value: value.map(text)))
                return true
            }
            return out
        }
    }

    /// The lenient reading one parameter at a time, without Strings: `b[from...]` split on `;`
    /// outside quoted strings (`\` escapes inside them), each piece trimmed of LWS and split at its
    /// first `=` (the name and the value trimmed too); empty pieces and empty names are skipped.
    /// `body` gets the name's range and the value's (nil for a flag) and returns false to stop.
    static func forEachLenient(_ b: UnsafeBufferPointer<UInt8>, from: Int,
                               _ body: (_ name: Range<Int>, _ value: Range<Int>?) -> Bool) {
        func trimmed(_ r: Range<Int>) -> Range<Int> {
            var lower = r.lowerBound, upper = r.upperBound
            while lower < upper, ByteClass.isLWS(b[lower]) { lower += 1 }
            while upper > lower, ByteClass.isLWS(b[upper - 1]) { upper -= 1 }
            return lower..<upper
        }
        // A piece, split at its first `=` on the bytes (LWS and `=` are ASCII); true to go on.
        func piece(_ range: Range<Int>) -> Bool {
            let r = trimmed(range)
            guard !r.isEmpty else { return true }
            guard let eq = b[r].firstIndex(of: UInt8(ascii: "=")) else { return body(r, nil) }
            let name = trimmed(r.lowerBound..<eq)
            guard !name.isEmpty else { return true }
            return body(name, trimmed((eq + 1)..<r.upperBound))
        }
        // Jumps from one byte that matters to the next: `"` and `;` outside quotes, `\` and `"`
        // inside them.
        var start = from, i = from, inQuotes = false
        while i < b.count {
            if inQuotes {
                i = ByteClass.findEither(UInt8(ascii: "\\"), UInt8(ascii: "\""), b, i, b.count)
                guard i < b.count else { break }
                if b[i] == UInt8(ascii: "\\") { i += 2; continue }
                inQuotes = false
            } else {
                i = ByteClass.findEither(UInt8(ascii: "\""), UInt8(ascii: ";"), b, i, b.count)
                guard i < b.count else { break }
                if b[i] == UInt8(ascii: "\"") {
                    inQuotes = true
                } else {
                    guard piece(start..<i) else { return }
                    start = i + 1
                }
            }
            i += 1
        }
        _ = piece(start..<b.count)
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
