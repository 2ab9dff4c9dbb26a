import Testing
@testable import Audit

struct ProxyBypassRuleTests {
    @Test func correctRouteButSentStraightToTheCallee() throws {
        var call = CallScenario.oneProxy()
        call.establish()
        call.request("BYE", cseq: 2, fromCaller: true) { copies in
            copies = [RequestCopy(source: CallScenario.alice, destination: CallScenario.bob,
                                  requestURI: CallScenario.bobContact, route: copies[0].route, vias: copies[0].vias)]
        }
        let audit = try call.audit()
        #expect(audit.codes == [.proxyBypassed])
        let finding = try #require(audit.findings.first)
        #expect(finding.proxy == "127.0.0.10:5060/udp")
        #expect(finding.message == "BYE reached 127.0.0.2:5062/udp without passing 127.0.0.10:5060/udp")
    }
}
