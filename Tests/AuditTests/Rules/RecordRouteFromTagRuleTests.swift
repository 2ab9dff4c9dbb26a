import Testing
@testable import Audit

struct RecordRouteFromTagRuleTests {
    @Test func recordRouteWithoutFtag() throws {
        var call = CallScenario.oneProxy(recordRoute: ["<sip:127.0.0.10;lr>"])
        call.establish()
        call.request("BYE", cseq: 2, fromCaller: false)
        let audit = try call.audit()
        #expect(audit.codes == [.ftagAbsent])
        #expect(audit.findings.first?.severity == .info)
    }

    @Test func ftagOfTheCallee() throws {
        var call = CallScenario.oneProxy(recordRoute: ["<sip:127.0.0.10;lr;ftag=B>"])
        call.establish()
        let audit = try call.audit()
        // The ACK from the caller is then judged upstream by is_direction().
        #expect(audit.codes == [.ftagNotInitiator, .directionMisjudged])
        let finding = try #require(audit.findings.first)
        #expect(finding[evidence: "expected_ftag"] == .string("A"))
        #expect(finding[evidence: "observed_ftag"] == .string("B"))
    }
}
