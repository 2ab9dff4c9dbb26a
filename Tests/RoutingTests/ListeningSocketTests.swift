import Routing
import Testing

@Suite struct ListeningSocketTests {
    @Test func descriptionMatchesKamailioSocketString() {
        #expect(ListeningSocket(proto: .udp, address: "::1", port: 17066).description == "udp:[::1]:17066")
        #expect(ListeningSocket(proto: .tcp, address: "10.0.0.1", port: 5060).description == "tcp:10.0.0.1:5060")
        #expect(ListeningSocket(proto: .udp, address: "2001:db8::1", port: 5060).uriHost == "[2001:db8::1]")
        #expect(!ListeningSocket(proto: .udp, address: "10.0.0.1", port: 5060).isIPv6)
    }
}
