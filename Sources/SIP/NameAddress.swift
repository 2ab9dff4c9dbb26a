/// A name-addr or addr-spec with header parameters: the value of From, To, Contact, Route,
/// Record-Route, Reply-To, Refer-To ... (RFC 3261 20.10, 25.1).
///
/// `"Alice" <sip:alice@atlanta.example.com>;tag=1928301774`
public struct NameAddress: Sendable, Hashable, CustomStringConvertible {
    /// The display name: a quoted string with quotes removed and `\` escapes resolved, or the
    /// token sequence as written; nil when absent.
    public var displayName: String?
    /// The URI text (between `<` and `>`, or the bare addr-spec).
    public var uriText: String
    /// The parsed URI; nil only from lenient parsing when `uriText` is not a valid URI.
    public var uri: SIPURI?
    /// Header parameters after the address (`;tag=`, `;lr` of a bare addr-spec, `;expires=`...).
    public var parameters: [GenericParameter]
    /// True when the URI was enclosed in `<>` (name-addr form).
    public var isBracketed: Bool
    /// The whole value as on the wire (trimmed, folding unfolded).
    public var raw: String

    /// The `tag` parameter (From/To, RFC 3261 19.3).
    public var tag: String? { parameters.parameter("tag").flatMap { $0 } }

    /// Value of header parameter `name`: nil when absent, `.some(nil)` for a flag.
    public func parameter(_ name: String) -> String?? { parameters.parameter(name) }

    public var description: String { raw }

    /// Memberwise initialiser.
    public init(displayName: String? = nil, uriText: String, uri: SIPURI?, parameters: [GenericParameter] = [],
                isBracketed: Bool = true, raw: String) {
        self.displayName = displayName
        self.uriText = uriText
        self.uri = uri
        self.parameters = parameters
        self.isBracketed = isBracketed
        self.raw = raw
    }

    /// Parses one value strictly: the URI must be valid too.
    public init(parsing text: String) throws(SIPParseError) {
        self = try NameAddress.parse(text, strict: true)
    }

    /// Parses one value the way a robust element would (RFC 4475 3.1.2.14/3.1.2.15 allow it),
    /// so that a dialog can still be followed through a message from a sloppy UA: `uri` is nil
    /// rather than an error when only the URI is malformed; whitespace inside `<>` is dropped;
    /// an unquoted display name may hold any character; parameters are split on `;` without
    /// checking their characters, and empty ones are skipped. Unclosed quotes or `<` still fail.
    public init(lenient text: String) throws(SIPParseError) {
        self = try NameAddress.parse(text, strict: false)
    }

    /// Parses one value as `init(lenient:)` does but leaves `uri` nil without parsing it: for
    /// readers of the tag and parameters only (a lenient parse never fails on the URI, so the
    /// two agree on everything else).
    public init(lenientSkippingURI text: String) throws(SIPParseError) {
        self = try NameAddress.parse(text, strict: false, parsesURI: false)
    }

    static func parse(_ text: String, strict: Bool, parsesURI: Bool = true) throws(SIPParseError) -> NameAddress {
        let b = Array(text.utf8)
        var i = 0
        func skipLWS() { while i < b.count, ByteClass.isLWS(b[i]) { i += 1 } }
        skipLWS()
        guard i < b.count else { throw SIPParseError(.malformedNameAddress, at: 0, "empty address") }
        var display: String? = nil
        var uriRange: Range<Int>
        var bracketed = false
        var squeezed: [UInt8]? = nil
        if b[i] == UInt8(ascii: "\"") {
            // quoted-string display name (RFC 3261 25.1): `\` escapes any octet but CR/LF.
            let qs = i
            i += 1
            var out = [UInt8]()
            var closed = false
            while i < b.count {
                let c = b[i]
                if c == UInt8(ascii: "\\") {
                    guard i + 1 < b.count else { break }
                    out.append(b[i + 1]); i += 2; continue
                }
                if c == UInt8(ascii: "\"") { closed = true; i += 1; break }
                out.append(c); i += 1
            }
            guard closed else { throw SIPParseError(.unbalanced, at: qs, "display name quote not closed") }
            display = String(decoding: out, as: UTF8.self)
            skipLWS()
            guard i < b.count, b[i] == UInt8(ascii: "<") else {
                throw SIPParseError(.malformedNameAddress, at: i, "'<' expected after display name")
            }
        }
        // name-addr when a '<' comes before any ';' (a quoted header parameter value such as
        // +sip.instance="<urn:...>" after a bare addr-spec must not count).
        let semi = b[i...].firstIndex(of: UInt8(ascii: ";")) ?? b.count
        if let lt = b[i..<semi].firstIndex(of: UInt8(ascii: "<")) {
            if display == nil {
                // display-name = *(token LWS): a token sequence (RFC 4475 3.1.2.15 rejects others).
                let names = b[i..<lt]
                guard !strict || isTokenSequence(names) else {
                    throw SIPParseError(.malformedNameAddress, at: i, "display name is neither a quoted string nor tokens")
                }
                let trimmed = String(decoding: names, as: UTF8.self).trimmingLWS
                display = trimmed.isEmpty ? nil : trimmed
            }
            guard let gt = b[lt...].firstIndex(of: UInt8(ascii: ">")) else {
                throw SIPParseError(.unbalanced, at: lt, "'<' without '>'")
            }
            uriRange = (lt + 1)..<gt
            bracketed = true
            i = gt + 1
            if let bad = b[uriRange].firstIndex(where: ByteClass.isLWS) {
                // RFC 4475 3.1.2.14: whitespace inside <> is malformed; a liberal reader ignores it.
                if strict { throw SIPParseError(.malformedNameAddress, at: bad, "whitespace inside <>") }
                squeezed = b[uriRange].filter { !ByteClass.isLWS($0) }
            }
        } else {
            // addr-spec without <>: the URI ends at ';' (what follows are header parameters) and
            // may not contain ',', '?' or ';' (RFC 3261 20.10; RFC 4475 3.1.2.13).
            let us = i
            while i < b.count, b[i] != UInt8(ascii: ";"), !ByteClass.isLWS(b[i]) { i += 1 }
            uriRange = us..<i
            if strict, let q = b[uriRange].firstIndex(where: { $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: ",") }) {
                throw SIPParseError(.malformedNameAddress, at: q, "addr-spec with '?' or ',' must be enclosed in <>")
            }
            if b[uriRange].contains(UInt8(ascii: ">")) {
                throw SIPParseError(.unbalanced, at: us, "'>' without '<'")
            }
        }
        let uriBytes = squeezed ?? Array(b[uriRange])
        guard !uriBytes.isEmpty else { throw SIPParseError(.malformedNameAddress, at: uriRange.lowerBound, "empty URI") }
        let uriText = String(decoding: uriBytes, as: UTF8.self)
        var uri: SIPURI?
        do {
            uri = parsesURI ? try SIPURI(parsing: uriText) : nil
        } catch {
            if strict { throw error.shifted(by: uriRange.lowerBound) }
            uri = nil
        }
        let params = strict
            ? try HeaderParameterParser.parse(b, from: i, errorKind: .malformedNameAddress)
            : HeaderParameterParser.parseLenient(b, from: i)
        return NameAddress(displayName: display, uriText: uriText, uri: uri, parameters: params,
                           isBracketed: bracketed, raw: text.trimmingLWS)
    }

    private static func isTokenSequence(_ s: ArraySlice<UInt8>) -> Bool {
        s.allSatisfy { ByteClass.isToken($0) || ByteClass.isLWS($0) }
    }
}

extension String {
    /// The string without leading and trailing SP, HT, CR, LF.
    var trimmingLWS: String {
        let u = Array(utf8)
        var s = 0, e = u.count
        while s < e, ByteClass.isLWS(u[s]) { s += 1 }
        while e > s, ByteClass.isLWS(u[e - 1]) { e -= 1 }
        if s == 0, e == u.count { return self }
        return String(decoding: u[s..<e], as: UTF8.self)
    }
}
