import SIP
import Testing
@testable import Audit

/// `RouteValueCache` reads values and Request-URIs from a message's bytes, sharing what it built
/// for an earlier message when the bytes are the same: what it hands out must be what the
/// message's text gives, whatever came before.
struct RouteValueCacheTests {
    private static func message(_ startLine: [UInt8], routes: [String] = []) throws -> SIPMessage {
        let headers = ["Via: SIP/2.0/UDP h;branch=z9hG4bK1", "Call-ID: c", "CSeq: 1 INVITE"] + routes.map { "Route: \($0)" }
        return try SIPParser.parse(startLine + Array(("\r\n" + headers.joined(separator: "\r\n") + "\r\n\r\n").utf8))
    }

    /// Lists equal to the previous one, a prefix of it, diverging from it, empty, folded and
    /// split over several fields: each what `values(message.values(name))` gives.
    @Test func listsFromBytesAreTheListsOfTheirTexts() throws {
        let lists: [[String]] = [
            ["<sip:a;lr>", "<sip:b;lr>"], ["<sip:a;lr>", "<sip:b;lr>"], ["<sip:a;lr>"], ["<sip:a;lr>", "<sip:c;lr>"],
            [], ["<sip:a;lr>, <sip:c;lr>"], ["<sip:a;lr>,\r\n <sip:c;lr>", "<sip:d;lr>"], ["<sip:b;lr>"], ["<sip:b;lr>"],
        ]
        var cache = RouteValueCache(), reference = RouteValueCache()
        for fields in lists {
            let m = try Self.message(Array("INVITE sip:bob@b SIP/2.0".utf8), routes: fields)
            let expected = reference.values(m.values(.route)).map(\.raw)
            #expect(cache.values(.route, of: m).map(\.raw) == expected, "\(fields)")
        }
    }

    /// The last two Request-URIs are remembered; others (also of the same length), and bytes that
    /// are not UTF-8 (whose String is not those bytes), are built again.
    @Test func requestURIsAreEachMessagesOwn() throws {
        let invalid = Array("sip:x@h;p=".utf8) + [0xFF]
        let uris: [[UInt8]] = ["sip:bob@b", "sip:bob@b", "sip:carol@c", "sip:bob@b", "sip:bob@c", "sip:dave@d", "sip:carol@c",
                               "sip:bob@b;x=\u{E9}", "sip:x@h;p=\u{FFFD}"].map { Array($0.utf8) } + [invalid, invalid]
            + [Array("sip:x@h;p=\u{FFFD}".utf8), Array("sip:bob@b".utf8)]
        var cache = RouteValueCache()
        for uri in uris {
            let m = try Self.message(Array("INVITE ".utf8) + uri + Array(" SIP/2.0".utf8))
            #expect(cache.requestURI(of: m) == m.requestURI, "\(uri)")
        }
        #expect(cache.requestURI(of: try Self.message(Array("SIP/2.0 200 OK".utf8))) == "")
    }
}
