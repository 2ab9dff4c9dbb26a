import Testing
@testable import SIP

@Suite struct SIPMessageValidationTests {
    let base = [
        "Via: SIP/2.0/UDP 192.0.2.1;branch=z9hG4bKv", "From: <sip:a@example.com>;tag=1",
        "To: <sip:b@example.com>", "Call-ID: v1", "Max-Forwards: 70",
    ]

    func verdict(_ start: String, _ extra: [String]) throws -> SIPParseError? {
        let m = try SIPParser.parse(message([start] + base + extra))
        return parseError { () throws(SIPParseError) in try m.validate() }
    }

    @Test func acceptsAWellFormedRequest() throws {
        #expect(try verdict("INVITE sip:b@example.com SIP/2.0", ["CSeq: 1 INVITE", "Route: <sip:p.example.com;lr>"]) == nil)
        #expect(try verdict("INVITE foo:bar SIP/2.0", ["CSeq: 1 INVITE"]) == nil) // unknown scheme (RFC 4475 3.1.4.2)
    }

    @Test(arguments: [
        ("INVITE sip:b@example.com SIP/2.0", ["CSeq: 1 BYE"], SIPParseError.Kind.methodMismatch),
        ("INVITE sip:b@example.com?x=y SIP/2.0", ["CSeq: 1 INVITE"], .malformedURI),
        ("INVITE sip:b@ SIP/2.0", ["CSeq: 1 INVITE"], .malformedURI),
        ("INVITE sip:b@example.com SIP/2.0", [], .missingHeader),
        ("INVITE sip:b@example.com SIP/2.0", ["CSeq: 1 INVITE", "Call-ID: other"], .multipleValues),
        ("INVITE sip:b@example.com SIP/2.0", ["CSeq: 1 INVITE", "Route: sip:p.example.com;lr"], .malformedNameAddress),
        ("INVITE sip:b@example.com SIP/2.0", ["CSeq: 1 INVITE", "Record-Route: <sip:p1>,,<sip:p2>"], .malformedHeader),
        ("INVITE sip:b@example.com SIP/2.0", ["CSeq: 1 INVITE", "Contact: *, <sip:x@y>"], .malformedNameAddress),
        ("INVITE sip:b@example.com SIP/2.0", ["CSeq: 1 INVITE", "Expires: 4294967296"], .invalidNumber),
        ("INVITE sip:b@example.com SIP/2.0", ["CSeq: 1 INVITE", "Via: SIP/2.0/UDP h;;"], .malformedVia),
    ])
    func rejects(start: String, extra: [String], kind: SIPParseError.Kind) throws {
        #expect(try verdict(start, extra)?.kind == kind)
    }

    @Test func errorOffsetsPointIntoTheMessage() throws {
        let bytes = message(["INVITE sip:b@example.com SIP/2.0"] + base + ["CSeq: 1 INVITE", "Route: <sip:ok;lr>, <sip:bad host>"])
        let m = try SIPParser.parse(bytes)
        let error = parseError { () throws(SIPParseError) in try m.validate() }
        let text = String(decoding: bytes, as: UTF8.self)
        let expected = text.utf8.count - text.utf8.split(separator: UInt8(ascii: "<")).last!.count - 1
        #expect(error?.kind == .malformedNameAddress)
        #expect(error?.offset == expected + 8) // the space inside "<sip:bad host>"
    }
}
