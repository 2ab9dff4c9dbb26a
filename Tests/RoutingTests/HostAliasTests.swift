import Routing
import Testing

@Suite struct HostAliasTests {
    func mine(_ alias: HostAlias, _ uri: String) throws -> Bool {
        LocalAddresses(sockets: [], aliases: [alias]).isMyself(try RouteURI(parsing: uri))
    }

    @Test("IPv6 aliases match textually: case differs is fine, another spelling is not (rr-spec §6 #18)")
    func ipv6AliasIsTextual() throws {
        let alias = HostAlias(host: "[2001:db8::5]", port: 17060)
        #expect(try mine(alias, "sip:[2001:DB8::5]:17060;lr"))
        #expect(try !mine(alias, "sip:[2001:db8:0::5]:17060;lr"))
    }

    @Test func portlessAliasMatchesAnyPortButDefaultIs5060() throws {
        #expect(try mine(HostAlias(host: "sip.example"), "sip:sip.example:7777"))
        #expect(try mine(HostAlias(host: "sip.example", port: 5060), "sips:sip.example"))
        #expect(try !mine(HostAlias(host: "sip.example", port: 5061), "sips:sip.example"))
    }
}
