import Routing
import Testing
@testable import Audit

struct RequestURIIsProxyRuleTests {
    /// bob's Contact is an application on the proxy's own address: Kamailio's loose_route takes
    /// the strict path and sends alice's BYE to its own Route entry (rr-spec §6 #24).
    static func callToAnAppOnTheProxy() -> CallScenario {
        var call = CallScenario.oneProxy()
        call.bobContact = "sip:conference@127.0.0.10"
        call.establish()
        call.request("BYE", cseq: 2, fromCaller: true)
        return call
    }

    @Test func remoteTargetOnTheProxyAddress() throws {
        let audit = try Self.callToAnAppOnTheProxy().audit()
        let finding = try #require(audit.findings(.ruriIsProxy).first)
        #expect(audit.findings(.ruriIsProxy).count == 2)   // ACK and BYE
        #expect(finding.proxy == "127.0.0.10:5060/udp")
        #expect(finding[evidence: "ruri"] == .string("sip:conference@127.0.0.10"))
        #expect(finding[evidence: "next_hop"] == .string("sip:127.0.0.10;lr;ftag=A"))
    }

    /// loose_route_mode(1) never takes the strict path.
    @Test func notReportedWithLooseRouteMode1() throws {
        let audit = try Self.callToAnAppOnTheProxy().audit(settings: RRSettings(looseRouteMode: 1))
        #expect(audit.findings(.ruriIsProxy).isEmpty)
    }
}
