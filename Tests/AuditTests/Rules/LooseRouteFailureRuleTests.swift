import Testing
@testable import Audit

struct LooseRouteFailureRuleTests {
    /// A Route value without angle brackets does not parse in Kamailio (rr-spec §6 #6).
    @Test func routeWithoutAngleBrackets() throws {
        var call = CallScenario.oneProxy()
        call.establish()
        call.request("BYE", cseq: 2, fromCaller: false) { copies in
            copies[0].route = ["sip:127.0.0.10;lr;ftag=A"]
        }
        let audit = try call.audit()
        let finding = try #require(audit.findings(.looseRouteFailed).first)
        #expect(finding[evidence: "loose_route"] == .int(-1))
        #expect(finding.message.contains("Route does not parse"))
        // The UA's Route also differs from the route set it learnt.
        #expect(audit.codes == [.looseRouteFailed, .routeSetMismatch])
    }
}
