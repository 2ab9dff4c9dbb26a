import Routing
import Testing
@testable import Audit

struct DoubleRecordRouteRuleTests {
    /// UDP in on 127.0.0.10, TCP out from 127.0.0.11, one Record-Route.
    static func bridgingCall() -> CallScenario {
        CallScenario(proxies: [TestProxy(address: "127.0.0.10:5060", recordRoute: ["<sip:127.0.0.10;lr;ftag=A>"],
                                         sendAddress: "127.0.0.11:40000", sendTransport: .tcp)])
    }

    @Test func bridgingProxyWithOneRecordRoute() throws {
        var call = Self.bridgingCall()
        call.establish()
        let audit = try call.audit()
        let finding = try #require(audit.findings(.rrDoubleMissing).first)
        #expect(finding.proxy == "127.0.0.10:5060/udp")
        #expect(finding[evidence: "received_on"] == .string("127.0.0.10:5060/udp"))
        #expect(finding[evidence: "sent_from"] == .string("127.0.0.11:40000/tcp"))
        #expect(finding.frame == 2)
    }

    @Test func notExpectedWhenDoubleRecordRouteIsOff() throws {
        var call = Self.bridgingCall()
        call.establish()
        #expect(try call.audit(settings: RRSettings(enableDoubleRR: 0)).findings(.rrDoubleMissing).isEmpty)
    }

    @Test func doubleRecordRouteIsFine() throws {
        var call = CallScenario(proxies: [TestProxy(
            address: "127.0.0.10:5060",
            recordRoute: ["<sip:127.0.0.11;transport=tcp;r2=on;lr;ftag=A>", "<sip:127.0.0.10;r2=on;lr;ftag=A>"],
            sendAddress: "127.0.0.11:40000", sendTransport: .tcp)])
        call.establish()
        let audit = try call.audit()
        #expect(audit.findings.isEmpty, "\(audit.findings.map(\.message))")
    }
}
