/// A SIP/SIPS/TEL URI as Kamailio's `parse_uri` splits it, for the parts the rr logic uses.
/// Text is kept as written; `host` keeps IPv6 brackets, `hostWithoutBrackets` strips them.
public struct RouteURI: Sendable, Hashable {
    /// The URI text exactly as given.
    public let text: String
    /// Lower-cased scheme: `sip`, `sips`, `tel` or `tels`.
    public let scheme: String
    /// The user part (before `@`), `nil` when absent. For `tel:` the number.
    public let user: String?
    /// The host as written (IPv6 references keep their `[]`); `nil` for `tel:`.
    public let host: String?
    /// The port number when one is written.
    public let port: Int?
    /// The port digits exactly as written (used by the maddr rule).
    public let portText: String?
    /// The URI parameter section without the leading `;` (up to `?`), `""` when there is none.
    public let params: String
    /// The header section after `?` (without it), `nil` when absent.
    public let headers: String?

    /// Parses `text` the way Kamailio's `parse_uri` accepts it (approximation of its state machine:
    /// known scheme, no white space, non-empty host, IPv6 only in brackets, numeric port).
    public init(parsing text: String) throws(RouteParseError) {
        self.text = text
        guard let colon = text.firstIndex(of: ":") else { throw .invalidURI(text) }
        let scheme = text[..<colon].lowercased()
        guard ["sip", "sips", "tel", "tels"].contains(scheme) else { throw .invalidURI(text) }
        self.scheme = scheme
        if text.contains(where: { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" || $0 == "<" || $0 == ">" }) {
            throw .invalidURI(text)
        }
        var rest = text[text.index(after: colon)...]
        var headers: String?
        if let q = rest.firstIndex(of: "?") {
            headers = String(rest[rest.index(after: q)...])
            rest = rest[..<q]
        }
        self.headers = headers
        if scheme == "tel" || scheme == "tels" {
            let parts = rest.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false)
            guard let number = parts.first, !number.isEmpty else { throw .invalidURI(text) }
            user = String(number)
            host = nil
            port = nil
            portText = nil
            params = parts.count > 1 ? String(parts[1]) : ""
            return
        }
        // userinfo: up to the first `@` (Kamailio's parser switches to host at the first '@').
        if let at = rest.firstIndex(of: "@") {
            user = String(rest[..<at])
            rest = rest[rest.index(after: at)...]
        } else {
            user = nil
        }
        var hostPort: Substring
        if let semi = rest.firstIndex(of: ";") {
            hostPort = rest[..<semi]
            params = String(rest[rest.index(after: semi)...])
        } else {
            hostPort = rest
            params = ""
        }
        var portPart: Substring?
        if hostPort.first == "[" {
            guard let close = hostPort.firstIndex(of: "]") else { throw .invalidURI(text) }
            host = String(hostPort[...close])
            let after = hostPort[hostPort.index(after: close)...]
            if !after.isEmpty {
                guard after.first == ":" else { throw .invalidURI(text) }
                portPart = after.dropFirst()
            }
        } else {
            if let c = hostPort.firstIndex(of: ":") {
                host = String(hostPort[..<c])
                portPart = hostPort[hostPort.index(after: c)...]
            } else {
                host = String(hostPort)
            }
        }
        guard let h = host, !h.isEmpty, h != "[]" else { throw .invalidURI(text) }
        if let p = portPart {
            guard !p.isEmpty, p.count <= 5, p.allSatisfy({ $0.isASCII && $0.isNumber }),
                  let n = Int(p), n <= 65535 else { throw .invalidURI(text) }
            port = n
            portText = String(p)
        } else {
            port = nil
            portText = nil
        }
    }

    /// The host without IPv6 brackets.
    public var hostWithoutBrackets: String? {
        guard let host else { return nil }
        if host.hasPrefix("["), host.hasSuffix("]"), host.count > 2 {
            return String(host.dropFirst().dropLast())
        }
        return host
    }

    /// Whether the URI has an `lr` parameter (any case, any value): the next hop is a loose router.
    public var isLoose: Bool { URIParameters.contains("lr", in: params) }
    /// Whether the URI has an `r2` parameter (any value; `r2=off` counts).
    public var hasR2: Bool { URIParameters.contains("r2", in: params) }
    /// The `maddr` parameter value.
    public var maddr: String? { URIParameters.value(of: "maddr", in: params) }
    /// The `transport` parameter as a protocol (`nil` when absent or unknown).
    public var transport: SocketProtocol? {
        URIParameters.value(of: "transport", in: params).flatMap { SocketProtocol(transportParameter: $0) }
    }
    /// Whether a `gr` (GRUU) parameter is present: Kamailio then never treats the URI as myself.
    public var hasGRUU: Bool { URIParameters.value(of: "gr", in: params) != nil }

    /// The URI Kamailio uses for `$du` / R-URI after the maddr rule (`get_maddr_uri`): with `maddr`
    /// it becomes `sip:<maddr>[:<port>]` (scheme forced to sip, every parameter dropped), else the
    /// URI text unchanged.
    public var afterMaddrRule: String {
        guard let maddr else { return text }
        if let portText { return "sip:\(maddr):\(portText)" }
        return "sip:\(maddr)"
    }
}
