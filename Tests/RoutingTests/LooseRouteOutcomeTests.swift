import Routing
import Testing

@Suite struct LooseRouteOutcomeTests {
    let router = LooseRouter(localAddresses: LocalAddresses(sockets: [
        ListeningSocket(proto: .udp, address: "10.0.0.1", port: 5060),
    ]))

    @Test func nextHopIsDestinationElseRequestURI() {
        let viaRoute = router.route(RoutedRequest(requestURI: "sip:b@h", routeFields: ["<sip:10.0.0.1;lr>,<sip:q;lr>"],
                                                  fromTag: "a", toTag: "b", method: "BYE"))
        #expect(viaRoute.nextHop == "sip:q;lr")
        let toTarget = router.route(RoutedRequest(requestURI: "sip:b@h", routeFields: ["<sip:10.0.0.1;lr;ftag=b>"],
                                                  fromTag: "a", toTag: "b", method: "BYE"))
        #expect(toTarget.nextHop == "sip:b@h")
        #expect(toTarget.succeeded)
        #expect(toTarget.ftagDirection(fromTag: "a") == .upstream)
        #expect(toTarget.ftagDirection(fromTag: "b") == .downstream)
    }
}
