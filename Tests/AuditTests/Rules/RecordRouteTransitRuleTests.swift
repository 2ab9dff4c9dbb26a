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

    /// P2 rewrites P1's value in the 180/200 it passes back (only its own value may change).
    @Test func proxyAltersAnotherProxysValueInTheResponse() throws {
        var call = CallScenario.twoProxies()
        call.establish(alterResponse: { leg, recordRoute in
            if leg == 1 { recordRoute[1] = "<sip:127.0.0.10;lr;ftag=A;x=1>" }
        })
        let audit = try call.audit()
        let findings = audit.findings(.rrChangedInTransit)
        #expect(findings.map(\.proxy) == ["127.0.0.20:5060/udp", "127.0.0.20:5060/udp"])   // 180 and 200
        let finding = try #require(findings.first)
        #expect(finding[evidence: "received"] == .strings(["<sip:127.0.0.10;lr;ftag=A>"]))
        #expect(finding[evidence: "forwarded"] == .strings(["<sip:127.0.0.10;lr;ftag=A;x=1>"]))
        #expect(finding.message.contains("180 response"))
    }

    /// A proxy may rewrite its own value in responses (RFC 3261 §16.7 step 9).
    @Test func proxyRewritingItsOwnValueIsFine() throws {
        var call = CallScenario.twoProxies()
        call.establish(alterResponse: { leg, recordRoute in
            if leg == 1 { recordRoute[0] = "<sip:127.0.0.20:5060;lr;ftag=A;nat=yes>" }
        })
        #expect(try call.audit().findings(.rrChangedInTransit).isEmpty)
    }
}
