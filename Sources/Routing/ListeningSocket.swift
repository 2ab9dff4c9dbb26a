import Glibc

/// One socket a Kamailio instance listens on (`listen=proto:ip:port [advertise host:port]`).
public struct ListeningSocket: Sendable, Hashable, CustomStringConvertible {
    /// The socket protocol.
    public var proto: SocketProtocol
    /// The IP address as configured (IPv6 without brackets), e.g. `127.0.0.1` or `2001:db8::1`.
    public var address: String
    /// The port.
    public var port: Int
    /// The configured host name if the socket was given by name (`listen=udp:proxy.example:5060`).
    public var name: String?
    /// The advertised host (`advertise` host part), if any.
    public var advertisedHost: String?
    /// The advertised port, if any.
    public var advertisedPort: Int?

    /// Creates a socket description.
    public init(proto: SocketProtocol, address: String, port: Int, name: String? = nil,
                advertisedHost: String? = nil, advertisedPort: Int? = nil) {
        self.proto = proto
        self.address = address
        self.port = port
        self.name = name
        self.advertisedHost = advertisedHost
        self.advertisedPort = advertisedPort
    }

    /// Whether the address is IPv6.
    public var isIPv6: Bool { address.utf8.contains(UInt8(ascii: ":")) }

    /// The address as it appears in a URI host: IPv6 wrapped in `[]`.
    public var uriHost: String { isIPv6 ? "[\(address)]" : address }

    /// Kamailio's socket string, as `$fs` prints it: `udp:127.0.0.1:5060`, `udp:[::1]:5060`.
    public var description: String { "\(proto.rawValue):\(uriHost):\(port)" }

    /// Whether `host` (brackets allowed) names this socket: configured name, IP string or advertised
    /// host (case-insensitive), or, for IPv6, the same binary address (`grep_sock_info`).
    func hostMatches(_ host: String) -> Bool {
        let h = Self.stripBrackets(host)
        // The same text always matches (every test below agrees); most hosts are compared so.
        if address == h { return true }
        if let name, Self.sameIgnoringCase(name, h) { return true }
        if let adv = advertisedHost, Self.sameIgnoringCase(Self.stripBrackets(adv), h) { return true }
        if let mine = Self.ipv6Bytes(address), let theirs = Self.ipv6Bytes(h) { return mine == theirs }
        if Self.ipv6Bytes(h) != nil { return false }
        return address == h
    }

    /// Whether `port` (nil = any) matches the socket port or its advertised port.
    func portMatches(_ port: Int?) -> Bool {
        guard let port else { return true }
        return port == self.port || port == advertisedPort
    }

    /// `a.lowercased() == b.lowercased()`, compared on the bytes when both are ASCII (host names
    /// are): no lower-cased copies are built for each "myself" test.
    static func sameIgnoringCase(_ a: String, _ b: String) -> Bool {
        let fast = a.utf8.withContiguousStorageIfAvailable { x in
            b.utf8.withContiguousStorageIfAvailable { y -> Bool? in
                guard x.allSatisfy({ $0 < 0x80 }), y.allSatisfy({ $0 < 0x80 }) else { return nil }
                return x.count == y.count && zip(x, y).allSatisfy { URIParameters.lower($0) == URIParameters.lower($1) }
            } ?? nil
        } ?? nil
        return fast ?? (a.lowercased() == b.lowercased())
    }

    static func stripBrackets(_ host: String) -> String {
        // A first Character "[" starts with that byte: most hosts (IPv4, names) are answered here.
        guard host.utf8.first == UInt8(ascii: "[") else { return host }
        if host.hasPrefix("["), host.hasSuffix("]"), host.utf8.count > 2 { return String(host.dropFirst().dropLast()) }
        return host
    }

    /// The 16 bytes of an IPv6 literal (via `inet_pton`), `nil` if `text` is not one.
    static func ipv6Bytes(_ text: String) -> [UInt8]? {
        // Most hosts are IPv4 or names: a byte scan spares inet_pton and Character iteration.
        let hasColon = text.utf8.withContiguousStorageIfAvailable { $0.contains(UInt8(ascii: ":")) }
            ?? text.utf8.contains(UInt8(ascii: ":"))
        guard hasColon else { return nil }
        var addr = in6_addr()
        let ok = text.withCString { inet_pton(AF_INET6, $0, &addr) }
        guard ok == 1 else { return nil }
        return withUnsafeBytes(of: &addr) { Array($0) }
    }
}
