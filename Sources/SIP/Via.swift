/// One Via value (RFC 3261 20.42, 18.2.1; RFC 3581 rport).
///
/// `SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bK776;received=198.51.100.7;rport=5061`
public struct Via: Sendable, Hashable, CustomStringConvertible {
    /// The rport parameter of RFC 3581.
    public enum RPort: Sendable, Hashable {
        /// No rport parameter.
        case absent
        /// `;rport` without value (a request asking for it).
        case empty
        /// `;rport=N` (filled in by the receiver).
        case value(Int)
    }

    /// Protocol name (normally `SIP`).
    public var protocolName: String
    /// Protocol version (normally `2.0`).
    public var protocolVersion: String
    /// Transport token, uppercased (`UDP`, `TCP`, `TLS`, `SCTP`, `WS`, `WSS`, or unknown ones).
    public var transport: String
    /// sent-by host as written (IPv6 without brackets).
    public var host: String
    /// True when `host` was an IPv6 reference.
    public var hostIsIPv6: Bool
    /// sent-by port, if written.
    public var port: Int?
    /// All parameters in order.
    public var parameters: [GenericParameter]
    /// The value as on the wire (trimmed, unfolded).
    public var raw: String

    /// `branch` parameter.
    public var branch: String? { parameters.parameter("branch").flatMap { $0 } }
    /// `received` parameter.
    public var received: String? { parameters.parameter("received").flatMap { $0 } }
    /// `maddr` parameter.
    public var maddr: String? { parameters.parameter("maddr").flatMap { $0 } }
    /// `rport` parameter (RFC 3581).
    public var rport: RPort {
        switch parameters.parameter("rport") {
        case .none: return .absent
        case .some(.none): return .empty
        case .some(.some(let v)): return Int(v).map { .value($0) } ?? .empty
        }
    }
    /// True when the branch carries the RFC 3261 magic cookie `z9hG4bK` (17.2.3).
    public var hasRFC3261Branch: Bool { branch?.hasPrefix("z9hG4bK") ?? false }
    /// `host[:port]` as in a URI (IPv6 in brackets).
    public var sentBy: String {
        let h = hostIsIPv6 ? "[\(host)]" : host
        return port.map { "\(h):\($0)" } ?? h
    }

    public var description: String { raw }

    /// Parses one Via value (not a comma-separated list).
    public init(parsing text: String) throws(SIPParseError) {
        try self.init(text, strict: true)
    }

    /// Parses one Via value the robust way: sent-protocol and sent-by as strictly as
    /// `init(parsing:)`, the parameters split on `;` without checking their characters (empty
    /// ones skipped, `branch=` kept empty), so that a transaction can still be matched.
    public init(lenient text: String) throws(SIPParseError) {
        try self.init(text, strict: false)
    }

    private init(_ text: String, strict: Bool) throws(SIPParseError) {
        let b = Array(text.utf8)
        var i = 0
        func skipLWS() { while i < b.count, ByteClass.isLWS(b[i]) { i += 1 } }
        func token() -> String? {
            let s = i
            while i < b.count, ByteClass.isToken(b[i]) { i += 1 }
            return i > s ? String(decoding: b[s..<i], as: UTF8.self) : nil
        }
        func slash() throws(SIPParseError) {
            skipLWS() // SLASH = SWS "/" SWS (RFC 4475 3.1.1.1 folds around it)
            guard i < b.count, b[i] == UInt8(ascii: "/") else { throw SIPParseError(.malformedVia, at: i, "'/' expected in sent-protocol") }
            i += 1
            skipLWS()
        }
        skipLWS()
        guard let name = token() else { throw SIPParseError(.malformedVia, at: i, "protocol name expected") }
        try slash()
        guard let version = token() else { throw SIPParseError(.malformedVia, at: i, "protocol version expected") }
        try slash()
        guard let transport = token() else { throw SIPParseError(.malformedVia, at: i, "transport expected") }
        let beforeHost = i
        skipLWS()
        guard i > beforeHost else { throw SIPParseError(.malformedVia, at: i, "LWS expected before sent-by") }
        // sent-by = host [ COLON port ]
        var isV6 = false
        let host: String
        if i < b.count, b[i] == UInt8(ascii: "[") {
            guard let close = b[i...].firstIndex(of: UInt8(ascii: "]")), SIPURIParser.isIPv6(Array(b[(i + 1)..<close])) else {
                throw SIPParseError(.malformedVia, at: i, "invalid IPv6 reference in sent-by")
            }
            host = String(decoding: b[(i + 1)..<close], as: UTF8.self)
            isV6 = true
            i = close + 1
        } else {
            let hs = i
            while i < b.count, ByteClass.isAlnum(b[i]) || b[i] == UInt8(ascii: "-") || b[i] == UInt8(ascii: ".") || b[i] == UInt8(ascii: "_") { i += 1 }
            guard i > hs else { throw SIPParseError(.malformedVia, at: hs, "sent-by host expected") }
            let t = Array(b[hs..<i])
            if let last = t.last, ByteClass.isDigit(last), t.allSatisfy({ ByteClass.isDigit($0) || $0 == UInt8(ascii: ".") }), !SIPURIParser.isIPv4(t) {
                throw SIPParseError(.malformedVia, at: hs, "invalid IPv4 address in sent-by")
            }
            host = String(decoding: t, as: UTF8.self)
        }
        var port: Int? = nil
        let afterHost = i
        skipLWS()
        if i < b.count, b[i] == UInt8(ascii: ":") {
            i += 1
            skipLWS()
            port = try ByteClass.port(b, &i, .malformedVia, "sent-by port")
        } else {
            i = afterHost
        }
        let params = strict
            ? try HeaderParameterParser.parse(b, from: i, errorKind: .malformedVia)
            : HeaderParameterParser.parseLenient(b, from: i)
        if strict, let branch = params.parameter("branch"), branch == nil || branch == "" {
            throw SIPParseError(.malformedVia, at: i, "branch without value")
        }
        self.protocolName = name
        self.protocolVersion = version
        self.transport = transport.uppercased()
        self.host = host
        self.hostIsIPv6 = isV6
        self.port = port
        self.parameters = params
        self.raw = text.trimmingLWS
    }
}
