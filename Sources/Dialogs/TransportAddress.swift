import Transport

/// An endpoint together with the transport used on it, written `ip:port/transport` as the JSON
/// Lines contract wants (`[addr]:port/udp` for IPv6).
public struct TransportAddress: Hashable, Sendable, CustomStringConvertible {
    public var endpoint: Endpoint
    public var transport: TransportProtocol

    public init(_ endpoint: Endpoint, _ transport: TransportProtocol) {
        self.endpoint = endpoint
        self.transport = transport
    }

    public var description: String { "\(endpoint)/\(transport.rawValue)" }
}
