import Testing
@testable import SIP

/// Builds message bytes from lines joined with CRLF (the final empty line ends the headers).
func message(_ lines: [String], body: String = "") -> [UInt8] {
    Array((lines.joined(separator: "\r\n") + "\r\n\r\n" + body).utf8)
}

@Suite struct SIPParserTests {
    let invite = message([
        "INVITE sip:bob@biloxi.example.com SIP/2.0",
        "Via: SIP/2.0/UDP pc33.atlanta.example.com;branch=z9hG4bK776asdhds",
        "Max-Forwards: 70",
        "To: Bob <sip:bob@biloxi.example.com>",
        "From: Alice <sip:alice@atlanta.example.com>;tag=1928301774",
        "Call-ID: a84b4c76e66710@pc33.atlanta.example.com",
        "CSeq: 314159 INVITE",
        "Route: <sip:p1.example.com;lr>, <sip:p2.example.com;lr>",
        "Contact: <sip:alice@pc33.atlanta.example.com>",
        "Content-Type: application/sdp",
        "Content-Length: 4",
    ], body: "v=0\n")

    @Test func parsesRequestLineHeadersAndBody() throws {
        let m = try SIPParser.parse(invite)
        #expect(m.isRequest)
        #expect(m.method == .invite)
        #expect(m.requestURI == "sip:bob@biloxi.example.com")
        #expect(m.headers.count == 10)
        #expect(m.callID == "a84b4c76e66710@pc33.atlanta.example.com")
        #expect(m.cseq == CSeq(number: 314159, method: .invite))
        #expect(m.routes == ["<sip:p1.example.com;lr>", "<sip:p2.example.com;lr>"])
        #expect(m.fields(.route) == ["<sip:p1.example.com;lr>, <sip:p2.example.com;lr>"])
        #expect(m.from?.tag == "1928301774")
        #expect(m.from?.displayName == "Alice")
        #expect(m.to?.tag == nil)
        #expect(m.maxForwards == 70)
        #expect(Array(m.body) == Array("v=0\n".utf8))
        #expect(m.vias.first?.branch == "z9hG4bK776asdhds")
        try m.validate()
    }

    @Test func parsesStatusLine() throws {
        let m = try SIPParser.parse(message([
            "SIP/2.0 200 OK",
            "Via: SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bKx;received=192.0.2.9;rport=5070",
            "From: <sip:a@example.com>;tag=1",
            "To: <sip:b@example.com>;tag=2",
            "Call-ID: c1",
            "CSeq: 2 BYE",
            "Content-Length: 0",
        ]))
        #expect(m.statusCode == 200)
        #expect(m.reasonPhrase == "OK")
        #expect(m.method == .bye)
        #expect(m.vias.first?.rport == .value(5070))
        #expect(m.vias.first?.received == "192.0.2.9")
        #expect(m.vias.first?.port == 5060)
    }
}
