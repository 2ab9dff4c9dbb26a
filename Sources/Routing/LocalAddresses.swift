/// The addresses a proxy considers "myself" (Kamailio `check_self_uri` → `check_self`): its
/// listening sockets (IP, configured name, advertised address) and its aliases.
public struct LocalAddresses: Sendable, Hashable {
    /// The listening sockets.
    public var sockets: [ListeningSocket]
    /// The `alias=` entries.
    public var aliases: [HostAlias]

    /// Creates the set.
    public init(sockets: [ListeningSocket], aliases: [HostAlias] = []) {
        self.sockets = sockets
        self.aliases = aliases
    }

    /// Whether `uri` is myself: a URI without host (tel:) or with a `gr` parameter is not; the port
    /// defaults to 5060 — also for `sips:` and `transport=tls` (Kamailio uses SIP_PORT, not the
    /// protocol default); the transport parameter is ignored; the user part is ignored; IPv6 hosts
    /// are compared as binary addresses; then aliases are tried.
    public func isMyself(_ uri: RouteURI) -> Bool {
        guard let host = uri.host, !uri.hasGRUU else { return false }
        return isMyself(host: host, port: uri.port ?? 5060)
    }

    /// `check_self` on a URI's host as written (brackets allowed) and port (5060 when the URI has
    /// none), for callers that keep those two from one parse of the URI (and have checked that it
    /// has a host and no `gr` parameter, see `isMyself(_:)`).
    public func isMyself(host: String, port: Int) -> Bool {
        // Ports first, then the same text (`hostMatches`' first test) read in place: calling
        // `hostMatches` copies the socket (three Strings), and every Route value of every routed
        // request is tested here.
        let bare = ListeningSocket.stripBrackets(host)
        for index in sockets.indices where sockets[index].portMatches(port) {
            if sockets[index].address == bare || sockets[index].hostMatches(host) { return true }
        }
        return aliases.contains { $0.matches(host: host, port: port) }
    }

    /// Whether a Route/Record-Route entry points to this proxy (`false` when its URI does not parse).
    public func isMyself(_ entry: RouteEntry) -> Bool {
        entry.uri.map(isMyself) ?? false
    }

    /// Adds an address the proxy was seen using (a capture endpoint, or the host:port of a
    /// Record-Route value it inserted): an IP literal becomes a socket (IPv6 then matches in any
    /// spelling), a name becomes an alias. `port` nil means 5060, as an unported URI would be read.
    public mutating func insert(host: String, port: Int?, proto: SocketProtocol = .udp) {
        let bare = ListeningSocket.stripBrackets(host)
        let isIP = ListeningSocket.ipv6Bytes(bare) != nil || Self.isIPv4(bare)
        if isIP {
            let socket = ListeningSocket(proto: proto, address: bare, port: port ?? 5060)
            if !sockets.contains(socket) { sockets.append(socket) }
        } else {
            let alias = HostAlias(host: bare, port: port ?? 5060)
            if !aliases.contains(alias) { aliases.append(alias) }
        }
    }

    static func isIPv4(_ s: String) -> Bool {
        let parts = s.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts.allSatisfy { p in
            !p.isEmpty && p.count <= 3 && p.allSatisfy(\.isASCII) && p.allSatisfy(\.isNumber) && (Int(p) ?? 256) <= 255
        }
    }

    /// `grep_sock_info(host, port, proto)`: the socket matching host and port (nil = any port) in
    /// the list of `proto`, or in every list (UDP, TCP, TLS, SCTP order) when `proto` is nil.
    public func socket(host: String, port: Int?, proto: SocketProtocol?) -> ListeningSocket? {
        // The lists in order without building an array of them: loose_route asks per r2 entry.
        func first(_ p: SocketProtocol) -> ListeningSocket? {
            sockets.first { $0.proto == p && $0.portMatches(port) && $0.hostMatches(host) }
        }
        if let proto { return first(proto.listProtocol) }
        return first(.udp) ?? first(.tcp) ?? first(.tls) ?? first(.sctp)
    }
}
