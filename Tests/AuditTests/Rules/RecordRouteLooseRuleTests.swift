import Testing
@testable import Audit

struct RecordRouteLooseRuleTests {
    @Test func recordRouteWithoutLR() throws {
        var call = CallScenario.oneProxy(recordRoute: ["<sip:127.0.0.10;ftag=A>"])
        call.establish()
        let audit = try call.audit()
        #expect(audit.codes == [.rrNoLR])
        let finding = try #require(audit.findings.first)
        #expect(finding.proxy == "127.0.0.10:5060/udp")
        #expect(finding[evidence: "uri_params"] == .strings([";ftag=A"]))
    }

    /// `;lr` outside the brackets is a header parameter: Kamailio ignores it (rr-spec §6 #5).
    @Test func lrOutsideTheBracketsDoesNotCount() throws {
        var call = CallScenario.oneProxy(recordRoute: ["<sip:127.0.0.10;ftag=A>;lr"])
        call.establish()
        #expect(try call.audit().codes == [.rrNoLR])
    }

    @Test func lrOnIsInfo() throws {
        var call = CallScenario.oneProxy(recordRoute: ["<sip:127.0.0.10;lr=on;ftag=A>"])
        call.establish()
        let audit = try call.audit()
        #expect(audit.codes == [.rrLROn])
        #expect(audit.findings.first?.severity == .info)
    }
}
