import Routing
import Testing

@Suite struct LocalAddressesTests {
    let local = LocalAddresses(
        sockets: [
            ListeningSocket(proto: .udp, address: "10.0.0.1", port: 5060, name: "proxy.example"),
            ListeningSocket(proto: .tls, address: "10.0.0.2", port: 5061),
            ListeningSocket(proto: .udp, address: "2001:db8:0:0::1", port: 5060),
            ListeningSocket(proto: .udp, address: "192.168.1.5", port: 5080,
                            advertisedHost: "203.0.113.9", advertisedPort: 5090),
        ],
        aliases: [HostAlias(host: "sip.example"), HostAlias(host: "pbx.example", port: 5070)])

    func mine(_ uri: String) throws -> Bool { local.isMyself(try RouteURI(parsing: uri)) }

    @Test func defaultPortIs5060EvenForSIPSAndTLS() throws {
        #expect(try mine("sip:10.0.0.1;lr"))
        #expect(try mine("sips:10.0.0.1;lr"))
        // The TLS socket listens on 5061 only: a port-less sips URI is not myself (rr-spec §6 #15).
        #expect(try !mine("sips:10.0.0.2;lr"))
        #expect(try mine("sips:10.0.0.2:5061;lr"))
    }

    @Test func transportAndUserAreIgnored() throws {
        #expect(try mine("sip:someone@10.0.0.1:5060;transport=tcp;lr"))
        #expect(try mine("sip:PROXY.example;lr"))
    }

    @Test func ipv6IsComparedAsAnAddress() throws {
        #expect(try mine("sip:[2001:DB8::1];lr"))
        #expect(try !mine("sip:[2001:db8::2];lr"))
    }

    @Test func advertisedAddressAndPortMatchInAnyCombination() throws {
        #expect(try mine("sip:203.0.113.9:5090;lr"))
        #expect(try mine("sip:192.168.1.5:5090;lr"))
        #expect(try mine("sip:203.0.113.9:5080;lr"))
        #expect(try !mine("sip:203.0.113.9;lr"))
    }

    @Test func aliasesMatchByTextAndPort() throws {
        #expect(try mine("sip:SIP.example:1234;lr"))
        #expect(try mine("sip:pbx.example:5070;lr"))
        #expect(try !mine("sip:pbx.example;lr"))
    }

    @Test func gruuAndTelAreNeverMyself() throws {
        #expect(try !mine("sip:10.0.0.1;lr;gr=urn:x"))
        #expect(try !mine("tel:+15551234"))
    }

    @Test func socketLookupHonoursProtocol() {
        #expect(local.socket(host: "10.0.0.2", port: 5061, proto: .tls)?.description == "tls:10.0.0.2:5061")
        #expect(local.socket(host: "10.0.0.2", port: 5061, proto: .udp) == nil)
        #expect(local.socket(host: "[2001:db8::1]", port: nil, proto: nil)?.description == "udp:[2001:db8:0:0::1]:5060")
    }
}

@Suite struct LocalAddressesObservedTests {
    @Test func insertedObservedAddressesBecomeMyself() throws {
        var local = LocalAddresses(sockets: [])
        local.insert(host: "[2001:db8::1]", port: 5062)
        local.insert(host: "192.0.2.10", port: nil)
        local.insert(host: "edge.example", port: 5070)
        local.insert(host: "edge.example", port: 5070)
        #expect(local.sockets.count == 2)
        #expect(local.aliases == [HostAlias(host: "edge.example", port: 5070)])
        #expect(local.isMyself(try RouteURI(parsing: "sip:[2001:DB8:0::1]:5062;lr")))
        #expect(local.isMyself(try RouteURI(parsing: "sip:192.0.2.10;lr")))
        #expect(!local.isMyself(try RouteURI(parsing: "sip:192.0.2.10:5061;lr")))
        #expect(local.isMyself(try RouteEntry.parseFields(["<sip:EDGE.example:5070;lr>"])[0]))
        #expect(!local.isMyself(try RouteEntry.parseFields(["<sip:::1;lr>"])[0]))
    }
}
