import Testing
@testable import Audit

struct NextHopRuleTests {
    @Test func proxySendsElsewhere() throws {
        var call = CallScenario.oneProxy()
        call.establish()
        call.request("BYE", cseq: 2, fromCaller: false) { copies in
            copies[1].destination = "127.0.0.99:5060"
        }
        let audit = try call.audit()
        #expect(audit.codes == [.nextHopWrong])
        let finding = try #require(audit.findings.first)
        #expect(finding.severity == .warning)
        #expect(finding[evidence: "expected_next_hop"] == .string(CallScenario.aliceContact))
        #expect(finding[evidence: "expected_destination"] == .strings(["127.0.0.1:5061"]))
        #expect(finding[evidence: "observed_destination"] == .string("127.0.0.99:5060/udp"))
    }

    /// nathelper's alias parameter names the real destination (handle_ruri_alias).
    @Test func natAliasDestinationIsAccepted() throws {
        var call = CallScenario.oneProxy()
        call.bobContact = "sip:bob@192.168.1.2:5062;alias=127.0.0.2~5062~1"
        call.establish()
        call.request("BYE", cseq: 2, fromCaller: true)
        let audit = try call.audit()
        #expect(audit.findings.isEmpty, "\(audit.findings.map(\.message))")
    }
}
