import Testing
@testable import Audit

struct CancelRouteRuleTests {
    @Test func cleanCancelHasNoFindings() throws {
        var call = CallScenario.oneProxy()
        call.establish(answer: false)
        call.cancel()
        let audit = try call.audit()
        #expect(audit.findings.isEmpty, "\(audit.findings.map(\.message))")
        #expect(audit.dialog.state == .cancelled)
    }

    @Test func cancelWithAnotherRequestURI() throws {
        var call = CallScenario.oneProxy()
        call.establish(answer: false)
        call.cancel(alterCancel: { copies in copies[0].requestURI = "sip:bob@b.example" })
        let audit = try call.audit()
        #expect(audit.codes == [.cancelRouteMismatch])
        let finding = try #require(audit.findings.first)
        #expect(finding.frame == 5)   // INVITE ×2, 180 ×2, then the CANCEL
        #expect(finding[evidence: "expected_ruri"] == .string(CallScenario.bobContact))
        #expect(finding[evidence: "observed_ruri"] == .string("sip:bob@b.example"))
        #expect(finding[evidence: "invite_frame"] == .int(1))
        #expect(finding.message.contains("Request-URI"))
    }
}
