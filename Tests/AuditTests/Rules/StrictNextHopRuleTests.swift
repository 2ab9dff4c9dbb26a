import Testing
@testable import Audit

struct StrictNextHopRuleTests {
    /// bob's BYE lists P1 without lr after P2: P2 must rewrite the Request-URI to P1's URI, but
    /// forwards it loosely.
    @Test func strictNextHopForwardedLoosely() throws {
        var call = CallScenario.twoProxies()
        call.establish()
        call.request("BYE", cseq: 2, fromCaller: false) { copies in
            copies[0].route[1] = "<sip:127.0.0.10;ftag=A>"
            copies[1].route = ["<sip:127.0.0.10;ftag=A>"]
        }
        let audit = try call.audit()
        // At P1 the entry's parameter string is then just "ftag=A", which get_route_param misses
        // (rr-spec §5): is_direction() misjudges the BYE there too.
        #expect(audit.codes == [.routeParamsChanged, .directionMisjudged, .strictNextHopNotHandled])
        let finding = try #require(audit.findings(.strictNextHopNotHandled).first)
        #expect(finding.proxy == "127.0.0.20:5060/udp")
        #expect(finding[evidence: "expected_ruri"] == .string("sip:127.0.0.10;ftag=A"))
        #expect(finding[evidence: "observed_ruri"] == .string(CallScenario.aliceContact))
        #expect(finding[evidence: "expected_route"] == .strings(["<\(CallScenario.aliceContact)>"]))
    }
}
