/// A URI as used in SIP: `sip:` and `sips:` (RFC 3261 19.1), `tel:` (RFC 3966); any other
/// scheme is kept opaque (RFC 4475 3.1.4.2 asks a parser to accept unknown schemes).
///
/// Components are kept as written (user, password and parameters still %-escaped), so the URI
/// can be written back exactly; `raw` is the full text. Use `isEquivalent(to:)` for the
/// comparison rules of RFC 3261 19.1.4.
public struct SIPURI: Sendable, Hashable, CustomStringConvertible {
    /// The URI scheme; compared case-insensitively, stored lowercased.
    public enum Scheme: Sendable, Hashable, CustomStringConvertible {
        case sip, sips, tel
        case other(String)

        public var description: String {
            switch self {
            case .sip: "sip"
            case .sips: "sips"
            case .tel: "tel"
            case .other(let s): s
            }
        }
    }

    /// The host part of a SIP URI.
    public enum Host: Sendable, Hashable, CustomStringConvertible {
        /// A domain name as written.
        case name(String)
        /// A dotted-quad IPv4 address.
        case ipv4(String)
        /// An IPv6 reference, without the brackets.
        case ipv6(String)

        /// The host text without brackets.
        public var text: String {
            switch self {
            case .name(let s), .ipv4(let s), .ipv6(let s): s
            }
        }

        /// As written in a URI: IPv6 in brackets.
        public var description: String {
            if case .ipv6(let s) = self { return "[\(s)]" }
            return text
        }
    }

    /// One `?name=value` header of a SIP URI (RFC 3261 19.1.1), %-escaped as written.
    public struct Header: Sendable, Hashable {
        public var name: String
        public var value: String
        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    /// Scheme.
    public var scheme: Scheme
    /// SIP/SIPS user part (escaped, as written) or the tel URI's telephone-subscriber; nil when absent.
    public var user: String?
    /// Password of the SIP/SIPS userinfo (escaped, as written).
    public var password: String?
    /// Host; `.name("")` for tel and opaque URIs, which have none.
    public var host: Host
    /// Explicit port, if any.
    public var port: Int?
    /// URI parameters in order (`;lr`, `;transport=tcp`, tel `;phone-context=`...).
    public var parameters: [GenericParameter]
    /// URI headers in order (`?Subject=x&Priority=urgent`).
    public var headers: [Header]
    /// The whole URI text as parsed.
    public var raw: String

    /// Parses a URI (the text between `<` and `>`, or a bare Request-URI).
    public init(parsing text: String) throws(SIPParseError) {
        self = try SIPURIParser.parse(Array(text.utf8), raw: text)
    }

    /// Memberwise initialiser.
    public init(scheme: Scheme, user: String? = nil, password: String? = nil, host: Host,
                port: Int? = nil, parameters: [GenericParameter] = [], headers: [Header] = [], raw: String) {
        self.scheme = scheme
        self.user = user
        self.password = password
        self.host = host
        self.port = port
        self.parameters = parameters
        self.headers = headers
        self.raw = raw
    }

    /// The value of URI parameter `name` (case-insensitive): nil when absent, `.some(nil)` for a
    /// flag such as `lr`, `.some(value)` otherwise.
    public func parameter(_ name: String) -> String?? { parameters.parameter(name) }

    /// True for a loose-routing URI (`;lr`, RFC 3261 19.1.1).
    public var isLooseRouter: Bool { parameters.has("lr") }

    /// The user part with %-escapes resolved (RFC 3261 19.1.2), as bytes since `%00` is legal.
    public var decodedUser: [UInt8]? { user.map { SIPURIParser.percentDecoded(Array($0.utf8)) } }

    /// `host[:port]` as written in a URI (IPv6 in brackets).
    public var hostPort: String { port.map { "\(host):\($0)" } ?? host.description }

    public var description: String { raw }
}
