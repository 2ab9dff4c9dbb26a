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

@Suite struct SIPParserFramingTests {
    @Test func foldingAndCompactFormsAndCaseInsensitiveNames() throws {
        let bytes = Array((
            "OPTIONS sip:u@example.com SIP/2.0\r\n" +
            "v: SIP/2.0/UDP a.example.com;branch=z9hG4bK1,\r\n SIP/2.0/TCP b.example.com\r\n\t;branch=z9hG4bK2\r\n" +
            "f: <sip:a@example.com>;tag=1\r\nt: <sip:u@example.com>\r\ni: abc@host\r\nCSEQ: 5 OPTIONS\r\n" +
            "Route:\r\n   <sip:p1.example.com;lr>,\r\n   <sip:p2.example.com;lr>\r\n" +
            "k: 100rel, timer\r\nl: 0\r\n\r\n").utf8)
        let m = try SIPParser.parse(bytes)
        #expect(m.headers.map(\.name) == [.via, .from, .to, .callID, .cseq, .route, .supported, .contentLength])
        #expect(m.wireName(of: m.headers[0]) == "v")
        #expect(m.vias.map(\.branch) == ["z9hG4bK1", "z9hG4bK2"])
        #expect(m.vias.map(\.host) == ["a.example.com", "b.example.com"])
        #expect(m.fields(.via) == ["SIP/2.0/UDP a.example.com;branch=z9hG4bK1, SIP/2.0/TCP b.example.com ;branch=z9hG4bK2"])
        #expect(m.routes == ["<sip:p1.example.com;lr>", "<sip:p2.example.com;lr>"])
        #expect(m.routeAddresses.compactMap(\.uri?.host) == [.name("p1.example.com"), .name("p2.example.com")])
        #expect(m.callID == "abc@host")
        #expect(m.cseq?.number == 5)
        #expect(m.supported == ["100rel", "timer"])
        #expect(m.contentLength == 0)
        #expect(m.body.isEmpty)
        // The raw range keeps the folding as on the wire.
        let raw = Array(m.bytes[m.headers[5].rawValue])
        #expect(raw.first == UInt8(ascii: "<") && raw.contains(0x0D))
        try m.validate()
    }

    @Test func bodyWithoutContentLengthIsTheRestAndTrailingBytesAreIgnored() throws {
        let noLength = try SIPParser.parse(message(["MESSAGE sip:a@b SIP/2.0", "Call-ID: x"], body: "hello"))
        #expect(Array(noLength.body) == Array("hello".utf8))
        let trailing = try SIPParser.parse(message(["MESSAGE sip:a@b SIP/2.0", "Content-Length: 2"], body: "hello"))
        #expect(Array(trailing.body) == Array("he".utf8))
        #expect(trailing.length == trailing.bytes.count - 3)
    }

    @Test func leadingLineBreaksAndLFOnlyAndBareCR() throws {
        let m = try SIPParser.parse(Array("\r\n\r\nBYE sip:a@b SIP/2.0\nCall-ID: 1\rCSeq: 2 BYE\r\n\n".utf8))
        #expect(m.method == .bye)
        #expect(m.callID == "1")
        #expect(m.cseq?.number == 2)
        #expect(m.isHeaderSectionTerminated)
        let open = try SIPParser.parse(Array("BYE sip:a@b SIP/2.0\r\nCall-ID: 1".utf8))
        #expect(open.callID == "1")
        #expect(!open.isHeaderSectionTerminated)
    }

    /// Header entries are gathered on the stack while it has room, then on the heap: every count
    /// around that boundary keeps every header, in order, and the array holds just them.
    @Test(arguments: [0, 1, SIPParser.stackHeaders - 1, SIPParser.stackHeaders, SIPParser.stackHeaders + 1, 100])
    func keepsEveryHeaderWhateverTheirNumber(count: Int) throws {
        let lines = (0..<count).map { "X-H\($0): value \($0)" }
        let m = try SIPParser.parse(message(["OPTIONS sip:a@b SIP/2.0"] + lines + ["Content-Length: 2"], body: "ok"))
        #expect(m.headerFields.map(\.wireName) == lines.map { String($0.prefix { $0 != ":" }) } + ["Content-Length"])
        #expect(m.headerFields.dropLast().map(\.value) == (0..<count).map { "value \($0)" })
        #expect(Array(m.body) == Array("ok".utf8))
        // One exact-size table: no room left over from growing, only what the allocator
        // rounds any allocation of that size up to.
        #expect(m.table.count == count + 1)
        #expect(m.table.capacity == Array(repeating: m.table[0], count: count + 1).capacity)
    }

    @Test func mixedLineEndsInOneMessage() throws {
        let m = try SIPParser.parse(Array("OPTIONS sip:a@b SIP/2.0\nA: 1\r\nB: 2\rC: 3\nD: 4\r\r\nE: 5\r\n\r\nbody".utf8))
        #expect(m.headerFields.map(\.wireName) == ["A", "B", "C", "D", "E"])
        #expect(m.headerFields.map(\.value) == ["1", "2", "3", "4", "5"])
        #expect(Array(m.body) == Array("body".utf8))
    }

    @Test func truncatedBodyIsAnErrorUnlessAllowed() throws {
        let bytes = message(["INVITE sip:a@b SIP/2.0", "Content-Length: 10"], body: "v=0")
        let error = parseError { () throws(SIPParseError) in _ = try SIPParser.parse(bytes) }
        #expect(error?.kind == .truncatedBody)
        #expect(error?.offset == bytes.count)
        let m = try SIPParser.parse(bytes, options: .init(allowTruncatedBody: true))
        #expect(m.isBodyTruncated)
        #expect(Array(m.body) == Array("v=0".utf8))
    }

    @Test(arguments: [
        ("", SIPParseError.Kind.empty, 0),
        ("\r\n", .empty, 2),
        ("INVITE sip:a@b SIP/2.0", .truncatedHeaders, 0),
        ("INVITE  sip:a@b SIP/2.0\r\n\r\n", .malformedStartLine, 7),
        ("INVITE sip:a@b SIP/2.0 \r\n\r\n", .malformedStartLine, 22),
        ("INVITE <sip:a@b> SIP/2.0\r\n\r\n", .malformedStartLine, 7),
        ("INVITE sip:a@b SIP/3.0\r\n\r\n", .unsupportedVersion, 15),
        ("SIP/2.0 99 Odd\r\n\r\n", .malformedStartLine, 8),
        ("SIP/2.0 2000 OK\r\n\r\n", .malformedStartLine, 8),
        ("INV(TE sip:a@b SIP/2.0\r\n\r\n", .malformedStartLine, 3),
        ("INVITE sip:a@b SIP/2.0\r\n foo: bar\r\n\r\n", .malformedHeader, 24),
        ("INVITE sip:a@b SIP/2.0\r\nNoColon\r\n\r\n", .malformedHeader, 31),
        ("INVITE sip:a@b SIP/2.0\r\n: empty name\r\n\r\n", .malformedHeader, 24),
        ("INVITE sip:a@b SIP/2.0\r\nBad Name: x\r\n\r\n", .malformedHeader, 27),
        ("INVITE sip:a@b SIP/2.0\r\nCall-ID\r\n : folded colon\r\n\r\n", .malformedHeader, 31),
        ("INVITE sip:a@b SIP/2.0\r\nl: -1\r\n\r\n", .invalidContentLength, 27),
        ("INVITE sip:a@b SIP/2.0\r\nl: 99999999999999999999\r\n\r\n", .invalidContentLength, 27),
        ("INVITE sip:a@b SIP/2.0\r\nl: 1\r\nContent-Length: 2\r\n\r\nab", .invalidContentLength, 46),
    ])
    func errorsCarryKindAndOffset(text: String, kind: SIPParseError.Kind, offset: Int) {
        let error = parseError { () throws(SIPParseError) in _ = try SIPParser.parse(Array(text.utf8)) }
        #expect(error?.kind == kind)
        #expect(error?.offset == offset)
    }

    @Test func statusLineWithEmptyAndUTF8ReasonPhrase() throws {
        #expect(try SIPParser.parse(Array("SIP/2.0 100 \r\n\r\n".utf8)).reasonPhrase == "")
        #expect(try SIPParser.parse(Array("SIP/2.0 100\r\n\r\n".utf8)).reasonPhrase == "")
        #expect(try SIPParser.parse(Array("SIP/2.0 200 = 2**3 * 5**2 но сто девяносто девять\r\n\r\n".utf8)).reasonPhrase
                == "= 2**3 * 5**2 но сто девяносто девять")
    }
}
