import Testing
@testable import Audit

struct MissingRouteRuleTests {
    /// bob's BYE reaches the proxy without Route; the proxy passes it on.
    @Test func byeWithoutRoute() throws {
        var call = CallScenario.oneProxy()
        call.establish()
        call.request("BYE", cseq: 2, fromCaller: false) { copies in copies[0].route = [] }
        let audit = try call.audit()
        #expect(audit.codes == [.routeMissing])
        let finding = try #require(audit.findings.first)
        #expect(finding.severity == .error)
        #expect(finding.proxy == "127.0.0.10:5060/udp")
        #expect(finding[evidence: "expected"] == .strings(["<sip:127.0.0.10;lr;ftag=A>"]))
        #expect(finding[evidence: "observed"] == .strings([]))
        #expect(finding.message.contains("from the callee"))
        // What the proxy would answer: loose_route() fails without Route.
        let atProxy = try #require(audit.requests.first { $0.frame == finding.frame }?.atProxy)
        #expect(atProxy.looseRoute == -1)
    }

    /// Without Route the caller sends straight to bob: the proxy is bypassed as well.
    @Test func byeWithoutRouteSentDirectly() throws {
        var call = CallScenario.oneProxy()
        call.establish()
        call.request("BYE", cseq: 2, fromCaller: true) { copies in
            copies = [RequestCopy(source: CallScenario.alice, destination: CallScenario.bob,
                                  requestURI: CallScenario.bobContact, route: [], vias: copies[0].vias)]
        }
        #expect(Set(try call.audit().codes) == [.routeMissing, .proxyBypassed])
    }
}
