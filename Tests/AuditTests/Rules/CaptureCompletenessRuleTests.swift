import Testing
@testable import Audit

struct CaptureCompletenessRuleTests {
    @Test func dialogFormingResponseNotCaptured() throws {
        var call = CallScenario.oneProxy()
        call.establish()
        call.request("BYE", cseq: 2, fromCaller: true)
        call.messages.removeAll { !$0.message.isRequest }
        let audit = try call.audit()
        let finding = try #require(audit.findings(.captureIncomplete).first)
        #expect(finding[evidence: "missing"] == .string("dialog-forming response"))
        #expect(finding.severity == .warning)
    }

    @Test func dialogFormingRequestNotCaptured() throws {
        var call = CallScenario.oneProxy()
        call.establish()
        call.request("BYE", cseq: 2, fromCaller: false)
        call.messages.removeAll { $0.message.cseq?.method == .invite }
        let audit = try call.audit()
        #expect(audit.codes == [.captureIncomplete])
        #expect(audit.findings.first?[evidence: "missing"] == .string("dialog-forming request"))
    }
}
