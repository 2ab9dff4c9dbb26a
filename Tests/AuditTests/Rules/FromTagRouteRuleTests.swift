import Testing
@testable import Audit

struct FromTagRouteRuleTests {
    @Test func ftagOfAnotherDialog() throws {
        var call = CallScenario.oneProxy()
        call.establish()
        call.request("BYE", cseq: 2, fromCaller: false) { copies in
            copies[0].route = ["<sip:127.0.0.10;lr;ftag=X9>"]
        }
        let audit = try call.audit()
        // The UA also altered the entry's parameter.
        #expect(audit.codes == [.ftagMismatch, .routeParamsChanged])
        let finding = try #require(audit.findings(.ftagMismatch).first)
        #expect(finding[evidence: "ftag"] == .string("X9"))
        #expect(finding[evidence: "from_tag"] == .string("B"))
        #expect(finding[evidence: "to_tag"] == .string("A"))
    }

    @Test func ftagLost() throws {
        var call = CallScenario.oneProxy()
        call.establish()
        call.request("BYE", cseq: 2, fromCaller: false) { copies in
            copies[0].route = ["<sip:127.0.0.10;lr>"]
        }
        let audit = try call.audit()
        // is_direction() then calls bob's BYE downstream.
        #expect(audit.codes == [.directionMisjudged, .ftagMissing])
        let finding = try #require(audit.findings(.ftagMissing).first)
        #expect(finding.severity == .warning)
        #expect(finding[evidence: "expected_ftag"] == .string("A"))
        let atProxy = try #require(audit.requests.first { $0.frame == finding.frame }?.atProxy)
        #expect(atProxy.ftagDirection == .downstream)
    }
}
