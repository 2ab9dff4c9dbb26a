/// The transport protocol of a listening socket or of a URI's `transport` parameter, as Kamailio
/// names them (`PROTO_UDP`, ...). WebSocket over TCP/TLS is `ws` / `wss`.
public enum SocketProtocol: String, Sendable, Hashable, CaseIterable {
    case udp, tcp, tls, sctp, ws, wss

    /// Parses a `transport=` value case-insensitively; `nil` for unknown names.
    public init?(transportParameter value: String) {
        self.init(rawValue: value.lowercased())
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
