import Testing
@testable import Audit

struct ProxyPopRuleTests {
    @Test func proxyLeavesItsOwnEntry() throws {
        var call = CallScenario.oneProxy()
        call.establish()
        call.request("BYE", cseq: 2, fromCaller: false) { copies in
            copies[1].route = ["<sip:127.0.0.10;lr;ftag=A>"]
        }
        let audit = try call.audit()
        #expect(audit.codes == [.proxyNotPopped])
        let finding = try #require(audit.findings.first)
        #expect(finding.proxy == "127.0.0.10:5060/udp")
        #expect(finding[evidence: "forwarded_route"] == .strings(["<sip:127.0.0.10;lr;ftag=A>"]))
        #expect(finding[evidence: "expected_route"] == .strings([]))
        #expect(finding.frame == audit.requests.last?.frame)
    }

    /// P2 forwards bob's BYE to P1 but removes P1's entry too.
    @Test func proxyRemovesTheNextProxysEntry() throws {
        var call = CallScenario.twoProxies()
        call.establish()
        call.request("BYE", cseq: 2, fromCaller: false) { copies in
            copies[1].route = []
        }
        let audit = try call.audit()
        #expect(audit.codes == [.proxyPoppedForeign])
        let finding = try #require(audit.findings.first)
        #expect(finding.proxy == "127.0.0.20:5060/udp")
        #expect(finding[evidence: "removed"] == .strings(["<sip:127.0.0.10;lr;ftag=A>"]))
        #expect(finding[evidence: "explained_by_r2"] == .bool(false))
    }

    /// A lone r2 on P2's entry makes Kamailio pop the next entry, P1's (rr-spec §6 #12): the
    /// forwarded copy shows it and the evidence says the engine predicts it.
    @Test func loneR2PopsTheNextEntry() throws {
        var call = CallScenario(proxies: [
            TestProxy(address: "127.0.0.10:5060", recordRoute: ["<sip:127.0.0.10;lr;ftag=A>"]),
            TestProxy(address: "127.0.0.20:5060", recordRoute: ["<sip:127.0.0.20;r2=on;lr;ftag=A>"]),
        ])
        call.establish()
        call.request("BYE", cseq: 2, fromCaller: false) { copies in
            copies[1].route = []
        }
        let audit = try call.audit()
        let finding = try #require(audit.findings(.proxyPoppedForeign).first)
        #expect(finding[evidence: "explained_by_r2"] == .bool(true))
        #expect(audit.findings(.rrR2Unpaired).count == 1)
    }
}
