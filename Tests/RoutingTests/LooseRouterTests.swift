import Routing
import Testing

/// Direct checks of LooseRouter on a proxy P = 10.0.0.1:5060 (UDP) + 10.0.0.2:5060 (TCP). The full
/// agreement with a real Kamailio is in KamailioAgreementTests; these name the RFC 3261 departures.
@Suite struct LooseRouterTests {
    static let local = LocalAddresses(sockets: [
        ListeningSocket(proto: .udp, address: "10.0.0.1", port: 5060),
        ListeningSocket(proto: .tcp, address: "10.0.0.2", port: 5060),
    ])
    let router = LooseRouter(localAddresses: local)

    func bye(_ ruri: String, _ routes: [String], from: String? = "a1", to: String? = "b2") -> RoutedRequest {
        RoutedRequest(requestURI: ruri, routeFields: routes, fromTag: from, toTag: to, method: "BYE")
    }

    func bye(_ routes: [String], from: String? = "a1", to: String? = "b2") -> RoutedRequest {
        bye("sip:bob@192.0.2.7", routes, from: from, to: to)
    }

    @Test func ownEntryOnlyIsPoppedAndNextHopIsRequestURI() {
        let out = router.route(bye(["<sip:10.0.0.1;lr=on;ftag=a1>"]))
        #expect(out.returnCode == 1)
        #expect(out.path == .afterLoose)
        #expect(out.destinationURI == nil)
        #expect(out.nextHop == "sip:bob@192.0.2.7")
        #expect(out.routeAfter.isEmpty)
        #expect(out.removedEntries.map(\.uriText) == ["sip:10.0.0.1;lr=on;ftag=a1"])
        #expect(out.routeParams == ";lr=on;ftag=a1")
        #expect(out.routedParams == "lr=on;ftag=a1")
        #expect(out.nextHopFromRoute == false)
    }

    @Test("The R-URI's check_self and parse are handed out only when loose_route made them")
    func requestURIAnswersKept() {
        // Loose path ending at the R-URI: checked (not myself) and the next hop is that parse.
        let popped = router.route(bye(["<sip:10.0.0.1;lr;ftag=a1>"]))
        #expect(popped.requestURIIsMyself == false)
        #expect(popped.nextHopURI?.text == popped.nextHop)
        // A Route entry is the next hop: no parse of it handed out.
        let viaRoute = router.route(bye(["<sip:10.0.0.1;lr>, <sip:q.example;lr>"]))
        #expect(viaRoute.nextHopURI == nil)
        // Strict recovery: the R-URI is myself and is replaced, so its parse is not the next hop.
        let strict = router.route(bye("sip:conference@10.0.0.1", ["<sip:q;lr>", "<sip:bob@192.0.2.7>"]))
        #expect(strict.requestURIIsMyself == true)
        #expect(strict.nextHopURI == nil)
        // Not asked: no To tag (pre-loaded), loose_route mode 1, no Route at all.
        #expect(router.route(bye(["<sip:10.0.0.1;lr>"], to: nil)).requestURIIsMyself == nil)
        let looseOnly = LooseRouter(localAddresses: Self.local, settings: RRSettings(looseRouteMode: 1))
        #expect(looseOnly.route(bye("sip:10.0.0.1", ["<sip:q;lr>"])).requestURIIsMyself == nil)
        #expect(router.route(bye([])).requestURIIsMyself == nil)
    }

    @Test func entryCutOutOfCommaList() {
        let out = router.route(bye(["<sip:10.0.0.1;lr>, <sip:q.example;lr>"]))
        #expect(out.destinationURI == "sip:q.example;lr")
        #expect(out.routeAfter == ["<sip:q.example;lr>"])
        #expect(out.nextHopFromRoute)
    }

    @Test func r2PairIsPoppedAndSocketForcedToSecondEntry() {
        let out = router.route(bye(["<sip:10.0.0.1;r2=on;lr>,<sip:10.0.0.2;transport=tcp;r2=on;lr>", "<sip:q;lr>"]))
        #expect(out.removedEntries.count == 2)
        #expect(out.forcedSendSocket?.description == "tcp:10.0.0.2:5060")
        #expect(out.routeAfter == ["<sip:q;lr>"])
    }

    @Test("Without the send socket asked for, the outcome is the same but for it")
    func sendSocketSkipped() {
        let skipping = LooseRouter(localAddresses: Self.local, findsSendSocket: false)
        let forcing = LooseRouter(localAddresses: Self.local,
                                  settings: RRSettings(forceSendSocket: true), findsSendSocket: false)
        for request in [bye(["<sip:10.0.0.1;r2=on;lr>,<sip:10.0.0.2;transport=tcp;r2=on;lr>", "<sip:q;lr>"]),
                        bye("sip:10.0.0.1;r2=on;lr", ["<sip:10.0.0.2;r2=on;lr>", "<sip:q;lr>"]),
                        bye(["<sip:10.0.0.1;lr>", "<sip:q;lr>"])] {
            var full = router.route(request)
            #expect(skipping.route(request).forcedSendSocket == nil)
            full.forcedSendSocket = nil
            #expect(skipping.route(request) == full)
            #expect(forcing.route(request).forcedSendSocket == nil)
        }
    }

    @Test("r2 with enable_double_rr=0 is ignored: only the first local entry is popped (rr-spec §6 #14)")
    func r2IgnoredWithoutDoubleRR() {
        let r = LooseRouter(localAddresses: Self.local, settings: RRSettings(enableDoubleRR: 0))
        let out = r.route(bye(["<sip:10.0.0.1;r2=on;lr>", "<sip:10.0.0.2;r2=on;lr>"]))
        #expect(out.destinationURI == "sip:10.0.0.2;r2=on;lr")
        #expect(out.forcedSendSocket == nil)
    }

    @Test("Kamailio pops the entry after an r2 entry even when it is foreign (rr-spec §6 #12)")
    func r2PopsForeignPartner() {
        let out = router.route(bye(["<sip:10.0.0.1;r2=on;lr>", "<sip:q;lr>", "<sip:r;lr>"]))
        #expect(out.removedEntries.map(\.uriText) == ["sip:10.0.0.1;r2=on;lr", "sip:q;lr"])
        #expect(out.destinationURI == "sip:r;lr")
    }

    @Test("Strict next hop: R-URI := that Route, old R-URI appended as last Route (RFC 3261 §16.6 step 6)")
    func strictNextHop() {
        let out = router.route(bye(["<sip:10.0.0.1;lr>", "<sip:gw@198.51.100.3;transport=udp>, <sip:q;lr>"]))
        #expect(out.requestURIAfter == "sip:gw@198.51.100.3;transport=udp")
        #expect(out.destinationURI == nil)
        #expect(out.routeAfter == ["<sip:q;lr>", "<sip:bob@192.0.2.7>"])
    }

    @Test("Kamailio departs from RFC 3261 §16.6 step 6: URI headers of a strict next hop stay in the R-URI")
    func strictNextHopKeepsHeaders() {
        let out = router.route(bye(["<sip:10.0.0.1;lr>", "<sip:gw;x=1?Subject=a>"]))
        #expect(out.requestURIAfter == "sip:gw;x=1?Subject=a")
    }

    @Test("Kamailio departs from RFC 3261 §16.4: strict recovery for any local R-URI with a To tag")
    func strictRecoveryForAnyLocalRequestURI() {
        // The R-URI is not a value P record-routed (user and params differ), yet P treats the previous
        // hop as a strict router: R-URI := last Route, $du := first Route (rr-spec §6 #25).
        let out = router.route(bye("sip:conference@10.0.0.1;foo=bar", ["<sip:q;lr>", "<sip:bob@192.0.2.7>"]))
        #expect(out.path == .afterStrict)
        #expect(out.requestURIAfter == "sip:bob@192.0.2.7")
        #expect(out.destinationURI == "sip:q;lr")
        #expect(out.routeAfter == ["<sip:q;lr>"])
        #expect(out.routeParams == "foo=bar")
    }

    @Test("loose_route_mode(1) turns strict recovery off")
    func looseOnlyMode() {
        let r = LooseRouter(localAddresses: Self.local, settings: RRSettings(looseRouteMode: 1))
        let out = r.route(bye("sip:conference@10.0.0.1", ["<sip:q;lr>", "<sip:bob@192.0.2.7>"]))
        #expect(out.path == .afterLoose)
        #expect(out.requestURIAfter == "sip:conference@10.0.0.1")
        #expect(out.destinationURI == "sip:q;lr")
    }

    @Test("Remote target = P and Route = P: strict path makes P route to itself (rr-spec §6 #24)")
    func remoteTargetIsProxy() {
        let out = router.route(bye("sip:10.0.0.1", ["<sip:10.0.0.1;lr;ftag=a1>"]))
        #expect(out.requestURIAfter == "sip:10.0.0.1;lr;ftag=a1")
        #expect(out.destinationURI == "sip:10.0.0.1;lr;ftag=a1")
    }

    @Test func preloadedLocalRouteReturnsMinusThree() {
        let out = router.route(bye(["<sip:10.0.0.1;lr>"], to: nil))
        #expect(out.returnCode == -3)
        #expect(!out.succeeded)
        #expect(out.routeAfter.isEmpty)
    }

    @Test("Kamailio departs from RFC 3261 §16.4: a foreign top Route is followed even on an initial request")
    func foreignTopRouteOnInitialRequest() {
        let out = router.route(bye(["<sip:q;lr>"], to: ""))
        #expect(out.returnCode == 1)
        #expect(out.destinationURI == "sip:q;lr")
        #expect(out.routeParams == nil)
    }

    @Test func maddrNextHopDropsTransport() {
        let out = router.route(bye(["<sip:10.0.0.1;lr>", "<sip:q:5070;maddr=10.9.9.9;transport=tcp;lr>"]))
        #expect(out.destinationURI == "sip:10.9.9.9:5070")
    }

    @Test func failures() {
        #expect(router.route(bye([])).failure == .noRoute)
        #expect(router.route(bye(["sip:10.0.0.1;lr"])).failure
                    == .routeUnparsable(.missingAngleBrackets(field: 0, offset: 0)))
        #expect(router.route(bye("sip:bob@", ["<sip:10.0.0.1;lr>"])).failure == .requestURIUnparsable)
        var noTo = bye(["<sip:10.0.0.1;lr>"])
        noTo.hasToHeader = false
        #expect(router.route(noTo).failure == .noToHeader)
        let strictR2 = router.route(bye("sip:10.0.0.1;r2=on;lr", ["<sip:10.0.0.2;r2=on;lr>"]))
        #expect(strictR2.returnCode == -1)
        #expect(strictR2.failure == .nothingAfterOwnR2Entry)
    }

    @Test("A later broken Route header fails loose_route after the own header was already removed")
    func laterBrokenHeader() {
        let out = router.route(bye(["<sip:10.0.0.1;lr>", "<sip:q;lr>,"]))
        #expect(out.returnCode == -1)
        #expect(out.routeAfter == ["<sip:q;lr>,"])
        #expect(out.routeParams == ";lr")
    }
}
