/// The transport protocol of a listening socket or of a URI's `transport` parameter, as Kamailio
/// names them (`PROTO_UDP`, ...). WebSocket over TCP/TLS is `ws` / `wss`.
public enum SocketProtocol: String, Sendable, Hashable, CaseIterable {
    case udp, tcp, tls, sctp, ws, wss

    /// Parses a `transport=` value case-insensitively; `nil` for unknown names.
    public init?(transportParameter value: String) {
        self.init(rawValue: value.lowercased())
    }

    /// `init(transportParameter:)` on the value's UTF-8, without building the String (every
    /// "myself" address and next hop asks for the transport).
    public init?(transportBytes b: UnsafeBufferPointer<UInt8>) {
        guard !b.contains(where: { $0 >= 0x80 }) else {
            self.init(transportParameter: String(decoding: b, as: UTF8.self))
            return
        }
        func spells(_ name: StaticString) -> Bool {
            guard b.count == name.utf8CodeUnitCount else { return false }
            for i in 0..<b.count where URIParameters.lower(b[i]) != name.utf8Start[i] { return false }
            return true
        }
        switch b.count {
        case 2 where spells("ws"): self = .ws
        case 3 where spells("udp"): self = .udp
        case 3 where spells("tcp"): self = .tcp
        case 3 where spells("tls"): self = .tls
        case 3 where spells("wss"): self = .wss
        case 4 where spells("sctp"): self = .sctp
        default: return nil
        }
    }

    /// The default port of the protocol (`proto_default_port`): 5061 for TLS/WSS, else 5060.
    public var defaultPort: Int {
        switch self {
        case .tls, .wss: return 5061
        default: return 5060
        }
    }

    /// The socket list Kamailio searches for this protocol (`grep_sock_info`): WebSocket is
    /// served from the TCP/TLS lists.
    var listProtocol: SocketProtocol {
        switch self {
        case .ws: return .tcp
        case .wss: return .tls
        default: return self
        }
    }
}
