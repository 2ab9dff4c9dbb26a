import Testing
@testable import Audit

struct PreloadedRouteRuleTests {
    @Test func invitePreloadedWithTheProxy() throws {
        var call = CallScenario.oneProxy()
        call.establish(preloadedRoute: ["<sip:127.0.0.10;lr>"])
        let audit = try call.audit()
        #expect(audit.codes == [.preloadedRoute])
        let finding = try #require(audit.findings.first)
        #expect(finding.severity == .info)
        #expect(finding.frame == 1)
        #expect(finding.proxy == "127.0.0.10:5060/udp")
    }
}
