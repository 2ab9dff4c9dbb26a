import Routing
import Testing

@Suite struct RequestPlanTests {
    @Test func emptyRouteSetGoesDirect() {
        let plan = RouteSet(entries: []).plan(remoteTarget: "sip:bob@192.0.2.7")
        #expect(plan.firstHop == .direct)
        #expect(plan.requestURI == "sip:bob@192.0.2.7")
        #expect(plan.route.isEmpty)
    }

    @Test("Loose first hop: R-URI = remote target, Route = whole set (RFC 3261 §12.2.1.1)")
    func looseFirstHop() throws {
        let plan = try RouteSet.uac(recordRouteFields: ["<sip:p2;lr>", "<sip:p1;lr>"]).plan(remoteTarget: "sip:bob@b")
        #expect(plan.firstHop == .loose)
        #expect(plan.requestURI == "sip:bob@b")
        #expect(plan.route == ["<sip:p1;lr>", "<sip:p2;lr>"])
    }

    @Test("Strict first hop: R-URI = first entry, remote target appended (RFC 3261 §12.2.1.1)")
    func strictFirstHop() throws {
        let plan = try RouteSet.uas(recordRouteFields: ["<sip:s1;maddr=10.0.0.1?X=1>", "<sip:p2;lr>"])
            .plan(remoteTarget: "sip:bob@b")
        #expect(plan.firstHop == .strict)
        #expect(plan.requestURI == "sip:s1;maddr=10.0.0.1")
        #expect(plan.route == ["<sip:p2;lr>", "<sip:bob@b>"])
    }
}
