import Testing
@testable import Audit

struct RouteParamsRuleTests {
    @Test func customParameterLost() throws {
        var call = CallScenario.twoProxies()
        call.establish()
        call.request("BYE", cseq: 2, fromCaller: false) { copies in
            copies[0].route[0] = "<sip:127.0.0.20;lr;ftag=A>"
        }
        let audit = try call.audit(checkRouteParams: ["nat=yes"])
        #expect(audit.codes == [.routeParamsChanged])
        let finding = try #require(audit.findings.first)
        #expect(finding.severity == .warning)
        #expect(finding.proxy == "127.0.0.20:5060/udp")
        #expect(finding[evidence: "changes"] == .strings([";nat=yes → (lost)"]))
        // check_route_param("nat=yes") now fails at P2.
        let atP2 = try #require(audit.requests.first { $0.frame == finding.frame }?.atProxy)
        #expect(atP2.checkRouteParam.map(\.matches) == [false])
    }

    @Test func lrLostIsAnError() throws {
        var call = CallScenario.oneProxy()
        call.establish()
        call.request("BYE", cseq: 2, fromCaller: true) { copies in
            copies[0].route[0] = "<sip:127.0.0.10;ftag=A>"
        }
        let audit = try call.audit()
        #expect(audit.codes == [.routeParamsChanged])
        #expect(audit.findings.first?.severity == .error)
        #expect(audit.findings.first?[evidence: "changes"] == .strings([";lr → (lost)"]))
    }

    /// A lost ftag alone is FTAG_MISSING's.
    @Test func lostFtagAloneIsNotReportedHere() throws {
        var call = CallScenario.oneProxy()
        call.establish()
        call.request("BYE", cseq: 2, fromCaller: true) { copies in
            copies[0].route[0] = "<sip:127.0.0.10;lr>"
        }
        // alice's BYE is downstream, so is_direction()'s default answer happens to be right.
        #expect(try call.audit().codes == [.ftagMissing])
    }
}
