import Routing
import Testing

@Suite struct RouteSetTests {
    let rr = ["<sip:p2.example;lr>, <sip:p1.example;lr;ftag=a1>", "<sip:p0.example;lr>"]

    @Test("UAS keeps the Record-Route order (RFC 3261 §12.1.1)")
    func uasOrder() throws {
        #expect(try RouteSet.uas(recordRouteFields: rr).values
                    == ["<sip:p2.example;lr>", "<sip:p1.example;lr;ftag=a1>", "<sip:p0.example;lr>"])
    }

    @Test("UAC reverses, also inside a comma-joined header (RFC 3261 §12.1.2, sipexer #11)")
    func uacReversed() throws {
        #expect(try RouteSet.uac(recordRouteFields: rr).values
                    == ["<sip:p0.example;lr>", "<sip:p1.example;lr;ftag=a1>", "<sip:p2.example;lr>"])
    }

    @Test func unparsableRecordRouteThrows() {
        #expect(throws: RouteParseError.self) { try RouteSet.uac(recordRouteFields: ["sip:p;lr"]) }
    }

    @Test func emptyRouteSet() throws {
        #expect(try RouteSet.uac(recordRouteFields: []).isEmpty)
    }
}
