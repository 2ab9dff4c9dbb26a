import Routing
import Testing

/// Bad input never crashes or hangs: deterministic pseudo-random Route/URI text through every parser.
@Suite struct RobustnessTests {
    struct LCG {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    static let pieces = ["<", ">", ",", ";", "\"", "\\", " ", "sip:", "sips:", "tel:", "@", ":", "[", "]",
                         "lr", "r2=on", "ftag=", "a1", "10.0.0.1", "5060", "maddr=10.9.9.9", "?", "=",
                         "::1", "é", "\t", "gr", "transport=tcp"]

    @Test func randomRouteFieldsNeverCrash() {
        var rng = LCG(state: 42)
        let local = LocalAddresses(sockets: [ListeningSocket(proto: .udp, address: "10.0.0.1", port: 5060)],
                                   aliases: [HostAlias(host: "a1")])
        let router = LooseRouter(localAddresses: local)
        var parsed = 0
        for _ in 0..<3000 {
            var fields: [String] = []
            for _ in 0..<(1 + rng.next(3)) {
                fields.append((0..<rng.next(14)).map { _ in Self.pieces[rng.next(Self.pieces.count)] }.joined())
            }
            let ruri = (0..<rng.next(6)).map { _ in Self.pieces[rng.next(Self.pieces.count)] }.joined()
            if (try? RouteEntry.parseFields(fields)) != nil { parsed += 1 }
            let out = router.route(RoutedRequest(requestURI: ruri, routeFields: fields, fromTag: "a1",
                                                 toTag: rng.next(2) == 0 ? nil : "b2", method: "BYE"))
            #expect([1, -1, -3].contains(out.returnCode))
            #expect(out.routeAfter.count <= fields.count + 1)
            _ = RouteParams.getRouteParam("ftag", in: fields[0])
            _ = URIParameters.contains("lr", in: fields[0])
        }
        #expect(parsed > 0)
    }
}
