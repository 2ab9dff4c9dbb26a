import Testing
@testable import Audit

struct DirectionRuleTests {
    /// ftag holds the callee's tag: every request is judged the wrong way round.
    @Test func ftagOfTheCalleeInvertsDirection() throws {
        var call = CallScenario.oneProxy(recordRoute: ["<sip:127.0.0.10;lr;ftag=B>"])
        call.establish()
        call.request("BYE", cseq: 2, fromCaller: false)
        let audit = try call.audit()
        let findings = audit.findings(.directionMisjudged)
        #expect(findings.count == 2)   // the ACK (downstream) and the BYE (upstream)
        let bye = try #require(findings.last)
        #expect(bye[evidence: "true_direction"] == .string("upstream"))
        #expect(bye[evidence: "ftag_direction"] == .string("downstream"))
    }

    /// Kamailio's get_route_param misses a one-character ftag when `ftag=X` is the whole
    /// parameter string (rr-spec §5), so is_direction() calls bob's BYE downstream.
    @Test func wholeParameterStringFtagIsMissedByKamailio() throws {
        var call = CallScenario.oneProxy(recordRoute: ["<sip:127.0.0.10;ftag=A>"])
        call.establish()
        call.request("BYE", cseq: 2, fromCaller: false)
        let audit = try call.audit()
        #expect(audit.codes == [.rrNoLR, .directionMisjudged])
        let finding = try #require(audit.findings(.directionMisjudged).first)
        #expect(finding[evidence: "route_params"] == .string(";ftag=A"))
        #expect(finding[evidence: "ftag_direction"] == .string("downstream"))

        // With a longer parameter string the same ftag is found and the BYE is judged upstream.
        var fine = CallScenario.oneProxy(recordRoute: ["<sip:127.0.0.10;lr;ftag=A>"])
        fine.establish()
        fine.request("BYE", cseq: 2, fromCaller: false)
        #expect(try fine.audit().findings.isEmpty)
    }
}
