import Dialogs
import Routing
import Transport

/// One proxy as the audit judges it: its name and the "myself" set Kamailio's `check_self` would
/// use, rebuilt from the capture (rr-spec §7): every address it was seen receiving on or sending
/// from, plus the host:port of every Record-Route value it inserted (listen/advertise/alias).
///
/// A class, shared rather than copied: every "myself" test of every rule goes through one.
final class ProxyIdentity: Sendable {
    /// Index into `Dialog.proxies`, or past its end for a `--proxy` address no hop revealed.
    let index: Int
    /// `ip:port/transport` of its first address.
    let name: String
    let addresses: [TransportAddress]
    let localAddresses: LocalAddresses
    /// The Record-Route values it inserted, parsed, top first (empty when unknown).
    let recordRoute: [RouteValue]
    /// True when a hop through it (both copies) was captured.
    let isObserved: Bool

    /// - Parameter cache: the dialog's parsed Route values (the proxy's Record-Route values recur
    ///   in every message of the dialog).
    init(index: Int, addresses: [TransportAddress], recordRoute: [String], isObserved: Bool,
         cache: inout RouteValueCache) {
        self.index = index
        self.addresses = addresses
        let parsed = cache.values(recordRoute)
        self.recordRoute = parsed
        self.isObserved = isObserved
        var sockets: [ListeningSocket] = []
        sockets.reserveCapacity(addresses.count + min(parsed.count, ProxyIdentity.recordRouteAddressLimit))
        for address in addresses {
            sockets.append(ListeningSocket(proto: SocketProtocol(address.transport),
                                           address: address.endpoint.address.description,
                                           port: Int(address.endpoint.port)))
        }
        name = addresses.first.map { Self.name($0, host: sockets[0].address) } ?? "?"
        var aliases: [HostAlias] = []
        // A proxy inserts one or two values (RFC 5658); a crafted message with hundreds must not
        // make every "myself" test scan hundreds of sockets.
        for value in parsed.prefix(ProxyIdentity.recordRouteAddressLimit) {
            // What the value's parse kept, before its URI: reading `entry?.uri` copies both.
            guard value.hasURI,
                  let host = Self.bareHost(kept: value.myselfAddress?.host) ?? value.entry?.uri?.hostWithoutBrackets
            else { continue }
            if RouteComparison.isIPLiteral(host) {
                sockets.append(ListeningSocket(proto: value.transport ?? .udp, address: host, port: value.port ?? 5060))
            } else {
                aliases.append(HostAlias(host: host, port: value.port))
            }
        }
        localAddresses = LocalAddresses(sockets: sockets, aliases: aliases)
    }

    /// `address.description` (`ip:port/transport`, `[ip]:port/transport` for IPv6), appended to
    /// the host text its socket already holds: the nested string interpolations of the
    /// description cost some 2,000 instructions per proxy of every dialog.
    static func name(_ address: TransportAddress, host: String) -> String {
        let bracketed = address.endpoint.address.isIPv6
        let transport = address.transport.rawValue
        // Host, two brackets, ':', five port digits, '/', the transport name.
        let capacity = host.utf8.count + 2 + 1 + 5 + 1 + transport.utf8.count
        return String(unsafeUninitializedCapacity: capacity) { buffer in
            var count = 0
            func put(_ byte: UInt8) { buffer[count] = byte; count += 1 }
            if bracketed { put(UInt8(ascii: "[")) }
            for byte in host.utf8 { put(byte) }
            if bracketed { put(UInt8(ascii: "]")) }
            put(UInt8(ascii: ":"))
            let port = address.endpoint.port
            var divisor: UInt16 = 10_000
            while divisor > 1 && port / divisor == 0 { divisor /= 10 }
            while divisor > 0 {
                put(UInt8(ascii: "0") + UInt8(port / divisor % 10))
                divisor /= 10
            }
            put(UInt8(ascii: "/"))
            for byte in transport.utf8 { put(byte) }
            return count
        }
    }

    /// The host the value's parse already kept (`RouteValue.myselfAddress`) when it is what
    /// `hostWithoutBrackets` would build again: not bracketed (IPv6), and there at all (absent with
    /// a `gr` parameter); nil sends the caller to the URI.
    private static func bareHost(kept host: String?) -> String? {
        guard let host, host.utf8.first != UInt8(ascii: "[") else { return nil }
        return host
    }

    /// How many of its Record-Route values count as its addresses.
    static let recordRouteAddressLimit = 4

    convenience init(index: Int, proxy: Proxy, cache: inout RouteValueCache) {
        self.init(index: index, addresses: proxy.addresses, recordRoute: proxy.recordRoute,
                  isObserved: proxy.isObserved, cache: &cache)
    }

    /// Kamailio's `is_myself` for a Route value (false when its URI does not parse).
    func isMyself(_ value: RouteValue) -> Bool {
        guard let address = value.myselfAddress else { return false }
        return localAddresses.isMyself(host: address.host, port: address.port)
    }

    /// Kamailio's `is_myself` for a bare URI (a Request-URI).
    func isMyself(uri text: String) -> Bool {
        (try? RouteURI(parsing: text)).map(localAddresses.isMyself) ?? false
    }

    /// True when the proxy was seen on `endpoint` (transport ignored).
    func owns(_ endpoint: Endpoint) -> Bool {
        addresses.contains { $0.endpoint == endpoint }
    }
}

extension SocketProtocol {
    /// The socket list a capture transport belongs to (WebSocket is served from TCP/TLS sockets).
    init(_ transport: TransportProtocol) {
        switch transport {
        case .udp: self = .udp
        case .tcp: self = .tcp
        case .tls: self = .tls
        case .sctp: self = .sctp
        case .ws: self = .ws
        case .wss: self = .wss
        }
    }
}
