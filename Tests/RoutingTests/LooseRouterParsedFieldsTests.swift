import Routing
import Testing

/// `LooseRouter.route(_:parsedFields:)` takes Route fields the caller already parsed: with the
/// fields `RouteEntry.parseField` gives (all, some or none), the outcome is the one `route(_:)`
/// works out parsing them itself.
@Suite struct LooseRouterParsedFieldsTests {
    static let local = LocalAddresses(sockets: [
        ListeningSocket(proto: .udp, address: "10.0.0.1", port: 5060),
        ListeningSocket(proto: .tcp, address: "10.0.0.2", port: 5060),
    ])

    static let routeSets: [[String]] = [
        ["<sip:10.0.0.1;r2=on;lr;ftag=a1>,<sip:10.0.0.2;transport=tcp;r2=on;lr;ftag=a1>"],
        ["<sip:10.0.0.1;r2=on;lr>", "<sip:10.0.0.2;r2=on;lr>", "<sip:192.0.2.9;lr>"],
        ["<sip:10.0.0.1;lr>, <sip:192.0.2.9>", "<sip:192.0.2.10;lr>"],
        ["<sip:192.0.2.9;lr>,<sip:10.0.0.1;lr>"],
        ["<sip:10.0.0.1;lr>"],
        ["<sip:10.0.0.1;lr>,,<sip:192.0.2.9;lr>"],
    ]

    @Test(arguments: routeSets)
    func parsedFieldsGiveTheSameOutcome(fields: [String]) {
        let router = LooseRouter(localAddresses: Self.local)
        for (ruri, to) in [("sip:bob@192.0.2.7", "b2"), ("sip:10.0.0.1", "b2"), ("sip:bob@192.0.2.7", "")] {
            let request = RoutedRequest(requestURI: ruri, routeFields: fields, fromTag: "a1", toTag: to, method: "BYE")
            let expected = router.route(request)
            let parsed: [[RouteEntry]?] = fields.indices.map { try? RouteEntry.parseField(fields[$0], index: $0) }
            #expect(router.route(request, parsedFields: parsed) == expected)
            #expect(router.route(request, parsedFields: [parsed[0]]) == expected)  // the rest parsed on the way
            #expect(router.route(request, parsedFields: []) == expected)
        }
    }

    /// A value parsed alone and moved to where a field holds it is that field's entry.
    @Test func relocatedEntryIsTheFieldsEntry() throws {
        let field = "<sip:10.0.0.1;lr;ftag=a1>, <sip:192.0.2.9;lr>;h=1"
        let entries = try RouteEntry.parseField(field, index: 2)
        let second = try #require(RouteEntry.parseField("<sip:192.0.2.9;lr>;h=1", index: 0).first)
        #expect(second.relocated(fieldIndex: 2, offset: 27) == entries[1])
    }
}
