import Testing
@testable import Audit

struct StrictRoutingRuleTests {
    /// alice puts the proxy in the Request-URI and bob's Contact last in Route (RFC 2543 style);
    /// the proxy recovers (rr-spec §6 #23) and forwards to bob.
    @Test func uaRoutesStrictly() throws {
        var call = CallScenario.oneProxy()
        call.establish()
        call.request("BYE", cseq: 2, fromCaller: true) { copies in
            copies[0].requestURI = "sip:127.0.0.10;lr;ftag=A"
            copies[0].route = ["<\(CallScenario.bobContact)>"]
        }
        let audit = try call.audit()
        #expect(audit.codes == [.strictRouting])
        let finding = try #require(audit.findings.first)
        #expect(finding.proxy == "127.0.0.10:5060/udp")
        #expect(finding[evidence: "expected_ruri"] == .string(CallScenario.bobContact))
        #expect(finding[evidence: "observed_ruri"] == .string("sip:127.0.0.10;lr;ftag=A"))
        let atProxy = try #require(audit.requests.first { $0.frame == finding.frame }?.atProxy)
        #expect(atProxy.strictRecovery)
        #expect(atProxy.ruriAfter == CallScenario.bobContact)
        #expect(atProxy.routeParams == "lr;ftag=A")
    }
}
