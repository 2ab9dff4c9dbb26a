import Testing
@testable import Audit

struct RecordRouteTransitRuleTests {
    /// The second proxy strips a parameter from the first proxy's Record-Route while forwarding.
    @Test func proxyAltersAnotherProxysRecordRoute() throws {
        var call = CallScenario.twoProxies()
        call.establish(alterForwarded: { index, recordRoute in
            if index == 1 { recordRoute[1] = "<sip:127.0.0.10;lr>" }
        })
        let audit = try call.audit()
        let findings = audit.findings(.rrChangedInTransit)
        #expect(findings.count == 1)
        let finding = try #require(findings.first)
        #expect(finding.proxy == "127.0.0.20:5060/udp")
        #expect(finding.frame == 3)
        #expect(finding[evidence: "received"] == .strings(["<sip:127.0.0.10;lr;ftag=A>"]))
        #expect(finding[evidence: "forwarded"] == .strings(["<sip:127.0.0.20;lr;ftag=A;nat=yes>", "<sip:127.0.0.10;lr>"]))
        #expect(finding.severity == .warning)
    }
}
