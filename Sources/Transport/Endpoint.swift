/// The transport protocol that carried a SIP message.
public enum TransportProtocol: String, Hashable, Sendable {
    case udp, tcp, tls, sctp, ws, wss
}

/// One end of a flow: address and port.
public struct Endpoint: Hashable, Sendable, CustomStringConvertible {
    public var address: IPAddress
    public var port: UInt16

    public init(address: IPAddress, port: UInt16) {
        self.address = address
        self.port = port
    }

    /// `127.0.0.1:5060` or `[::1]:5060`.
    public var description: String {
        address.isIPv6 ? "[\(address)]:\(port)" : "\(address):\(port)"
    }
}

/// Who sent a SIP message to whom, and over what.
public struct Flow: Hashable, Sendable, CustomStringConvertible {
    public var source: Endpoint
    public var destination: Endpoint
    public var transport: TransportProtocol

    public init(source: Endpoint, destination: Endpoint, transport: TransportProtocol) {
        self.source = source
        self.destination = destination
        self.transport = transport
    }

    /// The same flow seen from the other side.
    public var reversed: Flow { Flow(source: destination, destination: source, transport: transport) }

    public var description: String { "\(source) -> \(destination)/\(transport.rawValue)" }
}
