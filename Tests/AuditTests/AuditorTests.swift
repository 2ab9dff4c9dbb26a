import Dialogs
import Transport
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

    /// Only the caller's leg captured: no hop reveals the proxy, `--proxy` declares it.
    @Test func declaredProxyIsEvaluated() throws {
        var call = CallScenario.oneProxy()
        call.establish()
        call.request("BYE", cseq: 2, fromCaller: true)
        call.messages.removeAll { $0.flow.source.description == "127.0.0.2:5062" || $0.flow.destination.description == "127.0.0.2:5062" }
        let dialog = try #require(call.dialogs().first)
        #expect(dialog.proxies.isEmpty)
        let declared = try #require(Endpoint(proxyAddress: "127.0.0.10"))
        let audit = try Auditor(declaredProxies: [TransportAddress(declared, .udp)]).audit(dialog)
        #expect(audit.proxyNames == ["127.0.0.10:5060/udp"])
        let bye = try #require(audit.requests.first { $0.method == .bye }?.atProxy)
        #expect(bye.looseRoute == 1)
        #expect(bye.removedEntries == ["<sip:127.0.0.10;lr;ftag=A>"])
        #expect(bye.forwardedFrame == nil)
        #expect(audit.findings.isEmpty, "\(audit.findings.map(\.message))")
    }

    /// A crafted call with thousands of Record-Route and Route values is audited in bounded time
    /// and reported, not crashed on.
    @Test func thousandsOfRouteValuesAreHandled() throws {
        let many = (1...1500).map { "<sip:10.0.\($0 / 250).\($0 % 250);lr>" }
        var call = CallScenario.oneProxy(recordRoute: ["<sip:127.0.0.10;lr;ftag=A>"] + many)
        call.establish()
        call.request("BYE", cseq: 2, fromCaller: false)
        let clock = ContinuousClock()
        var audit: DialogAudit?
        let elapsed = try clock.measure { audit = try call.audit() }
        #expect(elapsed < .seconds(10))   // 1 s measured in a debug build; quadratic work took 15 s
        #expect(audit?.requests.count == 4)
    }

    @Test func invalidRegexIsRejected() {
        #expect(throws: Auditor.InvalidRegex.self) { try Auditor(checkRouteParams: ["nat=(yes"]) }
    }

    /// `Auditor.findings(in:)` calls the rules one by one on their concrete types: it must give
    /// what running the `rules` list in order gives, on every dialog of every sample capture.
    @Test func findingsRunEveryRuleInListOrder() throws {
        var compared = 0
        for file in SampleCaptureTests.present {
            for dialog in try SampleCaptureTests.dialogs(file) {
                let context = try AuditContextTests.context(of: dialog)
                let listed = Auditor.rules.flatMap { $0.findings(in: context) }
                #expect(Auditor.findings(in: context) == listed, "\(file) \(dialog.callID)")
                compared += listed.count
            }
        }
        #expect(compared > 20)
    }

    @Test func everyCodeHasARule() {
        let covered = Set(Auditor.rules.flatMap(\.codes))
        #expect(covered == Set(FindingCode.allCases))
    }
}
