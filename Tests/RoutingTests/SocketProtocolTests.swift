import Routing
import Testing

@Suite struct SocketProtocolTests {
    @Test func transportParameterAndDefaultPorts() {
        #expect(SocketProtocol(transportParameter: "TCP") == .tcp)
        #expect(SocketProtocol(transportParameter: "quic") == nil)
        #expect(SocketProtocol.tls.defaultPort == 5061)
        #expect(SocketProtocol.wss.defaultPort == 5061)
        #expect(SocketProtocol.udp.defaultPort == 5060)
    }
}
