import Dialogs
import Routing
import Testing
@testable import Audit

struct AuditorTests {
    /// A clean call through one proxy: BYE from either side, re-INVITE; nothing to report.
    @Test func cleanCallThroughOneProxyHasNoFindings() throws {
        var call = CallScenario.oneProxy()
        call.establish()
        call.request("INVITE", cseq: 2, fromCaller: true)
        call.request("BYE", cseq: 1, fromCaller: false)
        let audit = try call.audit()
        #expect(audit.findings.isEmpty, "\(audit.findings.map(\.message))")
        #expect(audit.dialog.proxies.count == 1)
    }

    @Test func cleanCallThroughTwoProxiesHasNoFindings() throws {
        var call = CallScenario.twoProxies()
        call.establish()
        call.request("INFO", cseq: 2, fromCaller: true)
        call.request("BYE", cseq: 5, fromCaller: false)
        let audit = try call.audit()
        #expect(audit.findings.isEmpty, "\(audit.findings.map(\.message))")
        #expect(audit.dialog.proxies.count == 2)
    }

    /// Every copy of every in-dialog request is listed; the one arriving at the proxy carries what
    /// Kamailio would answer there (the `at_proxy` object of the JSON Lines contract).
    @Test func requestAuditsCarryTheProxyEvaluation() throws {
        var call = CallScenario.twoProxies()
        call.establish()
        call.request("BYE", cseq: 5, fromCaller: false)
        let audit = try call.audit(checkRouteParams: ["nat=yes", "^;lr;ftag=B"])
        let bye = audit.requests.filter { $0.method == .bye }
        #expect(bye.map(\.destination.description) == ["127.0.0.20:5060/udp", "127.0.0.10:5060/udp", "127.0.0.1:5061/udp"])
        #expect(bye.allSatisfy { $0.direction == .upstream })
        let atP2 = try #require(bye[0].atProxy)
        #expect(atP2.proxy == "127.0.0.20:5060/udp")
        #expect(atP2.looseRoute == 1)
        #expect(atP2.ftagDirection == .upstream)
        #expect(atP2.routeParams == ";lr;ftag=A;nat=yes")
        #expect(atP2.checkRouteParam == [.init(regex: "nat=yes", matches: true), .init(regex: "^;lr;ftag=B", matches: false)])
        #expect(atP2.removedEntries == ["<sip:127.0.0.20;lr;ftag=A;nat=yes>"])
        #expect(atP2.nextHop == "sip:127.0.0.10;lr;ftag=A")
        #expect(atP2.ruriAfter == CallScenario.aliceContact)
        #expect(atP2.routeAfter == ["<sip:127.0.0.10;lr;ftag=A>"])
        #expect(atP2.forwardedFrame == bye[1].frame)
        let atP1 = try #require(bye[1].atProxy)
        #expect(atP1.routeParams == ";lr;ftag=A")
        #expect(atP1.checkRouteParam.map(\.matches) == [false, false])
        #expect(atP1.nextHop == CallScenario.aliceContact)
        #expect(bye[2].atProxy == nil)
        #expect(audit.proxyNames == ["127.0.0.10:5060/udp", "127.0.0.20:5060/udp"])
    }

    @Test func invalidRegexIsRejected() {
        #expect(throws: Auditor.InvalidRegex.self) { try Auditor(checkRouteParams: ["nat=(yes"]) }
    }

    @Test func everyCodeHasARule() {
        let covered = Set(Auditor.rules.flatMap(\.codes))
        #expect(covered == Set(FindingCode.allCases))
    }
}
