import Testing
@testable import Audit

struct RecordRouteSyntaxRuleTests {
    @Test func unbracketedIPv6RecordRoute() throws {
        var call = CallScenario.oneProxy(recordRoute: ["<sip:2001:db8::10;lr;ftag=A>"])
        call.establish()
        let audit = try call.audit()
        let finding = try #require(audit.findings(.rrIPv6Unbracketed).first)
        #expect(audit.findings(.rrIPv6Unbracketed).count == 1)
        #expect(finding.severity == .error)
        #expect(finding.frame == 2)   // the INVITE as the proxy forwarded it
        #expect(finding.proxy == "127.0.0.10:5060/udp")
        #expect(finding[evidence: "record_route"] == .string("<sip:2001:db8::10;lr;ftag=A>"))
        #expect(audit.findings(.rrUnparseable).isEmpty)
    }

    @Test func bracketedIPv6IsFine() throws {
        var call = CallScenario.oneProxy(recordRoute: ["<sip:[2001:db8::10];lr;ftag=A>"])
        call.establish()
        #expect(try call.audit().findings.isEmpty)
    }

    @Test func recordRouteWithoutAngleBrackets() throws {
        var call = CallScenario.oneProxy(recordRoute: ["sip:127.0.0.10;lr;ftag=A"])
        call.establish()
        let audit = try call.audit()
        // The ACK carries it back as Route: loose_route() cannot parse it at the proxy.
        #expect(audit.codes == [.rrUnparseable, .looseRouteFailed])
        #expect(audit.findings.first?.message.contains("sip:127.0.0.10;lr;ftag=A") == true)
    }
}
