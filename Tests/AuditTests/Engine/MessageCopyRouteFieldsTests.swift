import Capture
import Dialogs
import Routing
import SIP
import Testing
import Transport
@testable import Audit

/// `MessageCopy.parsedRouteFields` hands loose_route the Route fields from the values the copy
/// parsed one by one: every field it gives must be exactly what `RouteEntry.parseField` parses.
struct MessageCopyRouteFieldsTests {
    /// A request copy carrying `routeLines` (each a whole `Route:` header line, folding allowed).
    static func copy(_ routeLines: [String], cache: inout RouteValueCache) throws -> MessageCopy {
        let text = "BYE sip:bob@127.0.0.2 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1;branch=z9hG4bK1\r\n"
            + routeLines.map { $0 + "\r\n" }.joined()
            + "From: <sip:alice@a>;tag=1\r\nTo: <sip:bob@b>;tag=2\r\nCall-ID: c\r\nCSeq: 2 BYE\r\nContent-Length: 0\r\n\r\n"
        let message = try SIPParser.parse(Array(text.utf8))
        let flow = try Flow(source: #require(Endpoint(proxyAddress: "127.0.0.1:5060")),
                            destination: #require(Endpoint(proxyAddress: "127.0.0.10:5060")), transport: .udp)
        let observed = ObservedMessage(message: message, flow: flow, time: CaptureTime(seconds: 0, nanoseconds: 0),
                                       frames: [1])
        return MessageCopy(observed, cache: &cache)
    }

    /// Each field given equals its parse; returns which fields were given.
    static func checked(_ copy: MessageCopy) -> [Bool] {
        let fields = copy.routeFields
        let parsed = copy.parsedRouteFields()
        #expect(parsed.isEmpty || parsed.count == fields.count)
        for index in parsed.indices {
            guard let entries = parsed[index] else { continue }
            #expect(entries == (try? RouteEntry.parseField(fields[index], index: index)), "\(fields[index])")
        }
        return parsed.map { $0 != nil }
    }

    @Test func plainFieldsAreTakenFromTheValues() throws {
        var cache = RouteValueCache()
        let lines = ["Route: <sip:127.0.0.10;r2=on;lr;ftag=a>,<sip:127.0.0.10;transport=tcp;r2=on;lr;ftag=a>",
                     "Route:   <sip:p2;lr> ,\t<sip:p3;lr>;x=1 , <sip:p4>  ",
                     "Route: <sip:p5;lr>"]
        #expect(Self.checked(try Self.copy(lines, cache: &cache)) == [true, true, true])
    }

    @Test func fieldsThatCouldParseOtherwiseAreLeftToLooseRoute() throws {
        let cases: [(line: String, given: Bool)] = [
            ("Route: \"Proxy\" <sip:p1;lr>", false),                 // display name
            ("Route: <sip:p1;lr>;n=\"a,b\"", false),                 // quotes
            ("Route: <sip:p1;lr>,,<sip:p2;lr>", false),              // empty element
            ("Route: <sip:p1;lr>,", false),                          // trailing comma
            ("Route: <sip:p\u{e9};lr>", false),                      // not ASCII
            ("Route: sip:p1;lr", false),                             // no brackets
            ("Route: <sip:p1;lr>,\r\n <sip:p2;lr>", false),          // folded
            ("Route: <sip:p1;lr>, <sip:p2;lr>", true),
        ]
        for (line, given) in cases {
            var cache = RouteValueCache()
            #expect(Self.checked(try Self.copy([line], cache: &cache)) == [given], "\(line)")
        }
    }

    /// Every request copy of every sample capture: the fields given equal their parse, and the
    /// route sets Kamailio wrote are given.
    @Test func sampleCaptureFieldsEqualTheirParse() throws {
        var given = 0
        for file in SampleCaptureTests.present {
            for dialog in try SampleCaptureTests.dialogs(file) {
                var cache = RouteValueCache()
                for request in dialog.requests {
                    for observed in request.copies {
                        given += Self.checked(MessageCopy(observed, cache: &cache)).filter { $0 }.count
                    }
                }
            }
        }
        #expect(given > 50)
    }
}
