import Foundation
import Routing
import Testing

/// Replays the requests recorded by Scripts/kamailio-rr-fixtures against the engine and asserts it
/// agrees with what the real Kamailio 5.6 logged and forwarded, case by case, field by field.
@Suite struct KamailioAgreementTests {
    static let compiled: [POSIXRegex] = KamailioFixture.regexes.compactMap {
        try? POSIXRegex($0, flags: RouteParams.kamailioFlags)
    }

    @Test("loose_route, $ru, $du, $fs, is_direction, check_route_param, $route_uri and Route-after agree",
          arguments: KamailioFixture.variantNames)
    func looseRouteAgrees(variant: String) throws {
        let fixture = try KamailioFixture(variant: variant)
        #expect(fixture.sent.count >= 60)
        #expect(Self.compiled.count == KamailioFixture.regexes.count)
        let router = LooseRouter(localAddresses: KamailioFixture.localAddresses, settings: fixture.settings)
        for sent in fixture.sent {
            let id = "\(variant)/\(sent.case)"
            let log = try #require(fixture.logged[sent.case], "\(id): no Kamailio log line")
            let req = try #require(FixtureRequest(text: sent.text), "\(id): unparsable request")
            let request = RoutedRequest(
                requestURI: req.requestURI, routeFields: req.fields("Route"), fromTag: req.tag(of: "From"),
                toTag: req.tag(of: "To"), hasToHeader: !req.fields("To").isEmpty, method: req.method)
            let out = router.route(request)

            #expect(out.returnCode == log.rc, "\(id): return code")
            if log.ru.isEmpty {
                // Kamailio prints an empty $ru when the R-URI does not parse.
                #expect(out.failure == .requestURIUnparsable, "\(id): R-URI parse failure")
            } else {
                #expect(out.requestURIAfter == log.ru, "\(id): $ru")
            }
            #expect(out.destinationURI == Self.null(log.du), "\(id): $du")
            #expect(out.forcedSendSocket?.description == Self.null(log.fs), "\(id): $fs")

            let expectedRouteURI = request.routeFields.first.flatMap {
                try? RouteEntry.parseFields([$0]).first?.uriText
            }
            #expect(expectedRouteURI == Self.null(log.route_uri), "\(id): $route_uri")

            if let down = log.down, let up = log.up {
                let dir = out.ftagDirection(fromTag: request.fromTag)
                #expect((dir == .downstream) == down, "\(id): is_direction(downstream)")
                #expect((dir == .upstream) == up, "\(id): is_direction(upstream)")
            }
            let bits = String(Self.compiled.map { RouteParams.checkRouteParam($0, in: out.routeParams) ? "1" : "0" })
            #expect(bits == log.crp, "\(id): check_route_param bits for \(out.routeParams ?? "nil")")

            let fwd = try #require(fixture.forwarded[sent.case], "\(id): no forwarded copy")
            let copy = try #require(FixtureRequest(text: fwd.text), "\(id): unparsable forwarded copy")
            #expect(copy.fields("Route") == out.routeAfter, "\(id): Route after")
            if !log.ru.isEmpty {
                #expect(copy.requestURI == out.requestURIAfter, "\(id): forwarded R-URI")
            }
        }
    }

    @Test("record_route*, add_rr_param output equals the Record-Route Kamailio inserted",
          arguments: KamailioFixture.variantNames)
    func recordRouteAgrees(variant: String) throws {
        let fixture = try KamailioFixture(variant: variant)
        let router = LooseRouter(localAddresses: KamailioFixture.localAddresses, settings: fixture.settings)
        let builder = RecordRouteBuilder(settings: fixture.settings)
        var checked = 0
        for sent in fixture.sent {
            let req = try #require(FixtureRequest(text: sent.text))
            guard let action = req.fields("X-RR").first else { continue }
            let id = "\(variant)/\(sent.case)"
            let fwd = try #require(fixture.forwarded[sent.case], "\(id): no forwarded copy")
            let copy = try #require(FixtureRequest(text: fwd.text))
            let receive = try #require(KamailioFixture.receiveSocket(sent), "\(id): receive socket")
            let send = try #require(KamailioFixture.socket(proto: .udp, endpoint: fwd.src), "\(id): send socket")
            let request = RoutedRequest(
                requestURI: req.requestURI, routeFields: req.fields("Route"), fromTag: req.tag(of: "From"),
                toTag: req.tag(of: "To"), method: req.method)
            let looseRoute = router.route(request)
            let upstream = Direction.kamailio(routedParams: looseRoute.routedParams, fromTag: request.fromTag) == .upstream
            let branch = RecordRouteBuilder.Branch(
                requestURI: looseRoute.requestURIAfter, originalRequestURI: req.requestURI,
                fromTag: request.fromTag, toTag: request.toTag, isUpstream: upstream,
                receiveSocket: receive, sendSocket: send)
            let arg = req.fields("X-RR-Arg").first ?? ""
            let arg2 = req.fields("X-RR-Arg2").first
            let expected: [String]?
            switch action {
            case "rr", "twice": expected = builder.recordRoute(branch)
            case "rrp": expected = builder.recordRoute(branch, params: arg)
            case "before": expected = builder.recordRoute(branch, addedBefore: arg)
            case "after": expected = builder.recordRoute(branch, addedAfter: arg)
            case "preset": expected = builder.recordRoutePreset(branch, address: arg)
            case "preset2": expected = builder.recordRoutePreset(branch, address: arg, secondAddress: arg2)
            case "adv": expected = builder.recordRouteAdvertisedAddress(branch, address: arg)
            default: Issue.record("\(id): unknown X-RR \(action)"); continue
            }
            let rc = fixture.rrActions[sent.case]?.rr_rc
            // A second record_route() in the same route block fails and adds nothing (rr-spec §2.1).
            let expectedRC = action == "twice" || expected == nil ? -1 : 1
            #expect(rc == expectedRC, "\(id): record_route return code")
            #expect(copy.fields("Record-Route") == (expected ?? []), "\(id): Record-Route")
            checked += 1
        }
        #expect(checked >= 15)
    }

    static func null(_ s: String) -> String? { s == "<null>" ? nil : s }
}
