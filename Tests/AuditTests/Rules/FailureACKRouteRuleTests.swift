import Testing
@testable import Audit

struct FailureACKRouteRuleTests {
    /// The caller builds the ACK to the 487 with a Route the INVITE never had.
    @Test func ackAddsARoute() throws {
        var call = CallScenario.oneProxy()
        call.establish(answer: false)
        call.cancel(alterACK: { copies in copies[0].route = ["<sip:127.0.0.10;lr;ftag=A>"] })
        let audit = try call.audit()
        #expect(audit.codes == [.ackRouteMismatch])
        let finding = try #require(audit.findings.first)
        #expect(finding[evidence: "expected_route"] == .strings([]))
        #expect(finding[evidence: "observed_route"] == .strings(["<sip:127.0.0.10;lr;ftag=A>"]))
        #expect(finding.message.contains("in Route"))
    }
}
