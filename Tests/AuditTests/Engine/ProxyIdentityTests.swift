import Dialogs
import Routing
import Testing
import Transport
@testable import Audit

struct ProxyIdentityTests {
    /// The name is built from the socket's host text; it must read as the address's description
    /// does (the JSON Lines contract), for IPv4 and bracketed IPv6, on every transport.
    @Test func nameReadsAsTheAddressDescription() {
        let endpoints = [Endpoint(address: .v4(0x7F00_0001), port: 5060),
                         Endpoint(address: .v4(0xC000_02FF), port: 65535),
                         Endpoint(address: .v6(0x2001_0DB8_0000_0000, 1), port: 5061),
                         Endpoint(address: .v6(0, 1), port: 0)]
        for endpoint in endpoints {
            for transport in [TransportProtocol.udp, .tcp, .tls, .sctp, .ws, .wss] {
                let address = TransportAddress(endpoint, transport)
                var cache = RouteValueCache()
                let proxy = ProxyIdentity(index: 0, addresses: [address], recordRoute: [], isObserved: true, cache: &cache)
                #expect(proxy.name == address.description)
            }
        }
        var cache = RouteValueCache()
        #expect(ProxyIdentity(index: 0, addresses: [], recordRoute: [], isObserved: false, cache: &cache).name == "?")
    }

    /// Record-Route hosts become sockets (IP literals, IPv6 without brackets) or aliases (names),
    /// whether the host comes from the value's kept parse or, bracketed or with `gr`, the URI.
    @Test func recordRouteHostsJoinTheMyselfSet() {
        var cache = RouteValueCache()
        let proxy = ProxyIdentity(
            index: 0, addresses: [],
            recordRoute: ["<sip:192.0.2.1:5070;transport=tcp;lr>", "<sip:[2001:db8::1];lr>",
                          "<sip:Proxy.Example;lr>", "<sip:198.51.100.9;gr;lr>"],
            isObserved: false, cache: &cache)
        let sockets = proxy.localAddresses.sockets
        #expect(sockets.map(\.description) == ["tcp:192.0.2.1:5070", "udp:[2001:db8::1]:5060", "udp:198.51.100.9:5060"])
        #expect(proxy.localAddresses.aliases == [HostAlias(host: "Proxy.Example", port: nil)])
    }
}
