import Testing
@testable import SIP

/// The parser's word-at-a-time fast paths give what the full checks give, in every case they take.
@Suite struct SIPParserFastPathTests {
    /// `name` followed by ':' and enough bytes for every word the fast path reads.
    private func line(_ name: [UInt8]) -> [UInt8] { name + Array(": value of some length\r\n\r\n".utf8) }

    /// The fast path's reading of `bytes`: the name as the parser builds it from the code, and the colon.
    private func fastName(_ bytes: [UInt8]) -> (name: HeaderName, colon: Int)? {
        let fast = bytes.withUnsafeBufferPointer { SIPParser.fastName($0, 0) }
        guard fast >= 0 else { return nil }
        let colon = fast >> 8, code = UInt8(truncatingIfNeeded: fast)
        return (code != 0 ? HeaderName(code: code) : HeaderName(otherBytes: bytes[..<colon]), colon)
    }

    /// What the full path's lookup makes of `name`.
    private func lookup(_ name: [UInt8]) -> HeaderName {
        name.withUnsafeBufferPointer { HeaderName.lookup($0, 0..<$0.count) }
    }

    @Test func everyKnownNameInEveryCaseIsRecognised() {
        for known in HeaderName.knownNames {
            let capitalised = known.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }
                .joined(separator: "-")
            for spelling in [known, known.uppercased(), capitalised] {
                let fast = fastName(line(Array(spelling.utf8)))
                #expect(fast?.name == HeaderName(known) && fast?.name.isKnown == true && fast?.colon == spelling.utf8.count,
                        "\(spelling)")
            }
        }
    }

    @Test func oneLetterNamesAreCompactFormsOrUnknown() {
        for letter in UInt8(ascii: "A")...UInt8(ascii: "z") where ByteClass.isToken(letter) {
            let fast = fastName(line([letter]))
            #expect(fast?.name == lookup([letter]) && fast?.colon == 1)
        }
    }

    @Test func namesThatOnlyResembleKnownOnesAreUnknown() {
        for text in ["Vi", "Viaa", "Tox", "Call-IDs", "Content-Lengt", "Content-Lengths", "Record_Route",
                     "Proxy-Authorizatio", "Proxy-Authorizationn", "X-Custom-Header-Of-23-B",
                     "Content-encodinG", "CONTENT-LANGUAGE", "Content-Languagf", "Accept-Encodinh", "B@d-Name"] {
            let bytes = Array(text.utf8)
            let fast = fastName(line(bytes))
            #expect(fast?.name == lookup(bytes) && fast?.colon == bytes.count, "\(text)")
        }
    }

    @Test func unusualNamesAreLeftToTheFullPath() {
        // A blank before the colon, a name of 24 bytes or more, no colon, an empty name, a control byte.
        for text in ["Via : x", "Via\t: x", "X-Custom-Header-Of-24-By: x", "NoColonOnThisLine x y z\r\n",
                     ": empty name here", "Vi\u{1}a: x"] {
            #expect(fastName(Array((text + "\r\n\r\nsome more bytes").utf8)) == nil, "\(text)")
        }
        // Fewer than eight bytes from the name on.
        #expect(fastName(Array("To: a\r\n".utf8)) == nil)
    }

    @Test func anUnknownNameWithABadByteFailsWhereTheFullPathFails() {
        for (text, offset) in [("B@d-Name", 1), ("Name\u{7f}", 4), ("Caf\u{e9}", 3), ("X(y)", 1)] {
            let bytes = Array("OPTIONS sip:a@b SIP/2.0\r\n".utf8) + line(Array(text.utf8))
            let error = parseError { () throws(SIPParseError) in _ = try SIPParser.parse(bytes) }
            #expect(error?.kind == .malformedHeader && error?.offset == 25 + offset, "\(text)")
        }
    }

    @Test(arguments: [
        "INVITE sip:bob@biloxi.example.com SIP/2.0", "ACK sip:b SIP/2.0", "invite sip:x sip/2.0",
        "FOO.BAR-1 tel:+1-555 SIP/2.0", "REGISTER sip:registrar.example.com;transport=tcp SIP/2.0",
        "SIP/2.0 200 OK", "sip/2.0 180 Ringing", "SIP/2.0 100", "SIP/2.0 100 ", "SIP/2.0 699 Whatever it says",
        "SIP/2.0 486 Busy Here", "OPTIONS sip:über@example.com SIP/2.0",
    ])
    func startLinesReadAsTheFullCheckReadsThem(first: String) throws {
        let bytes = message([first, "X-Padding: " + String(repeating: "p", count: 40)])
        let line = 0..<first.utf8.count
        let (fast, full) = try bytes.withUnsafeBufferPointer { (p) throws(SIPParseError) in
            (SIPParser.fastStartLine(p, line), try SIPParser.checkStartLine(p, line))
        }
        #expect(fast != nil)
        #expect(fast?.0 == full.0 && fast?.1 == full.1 && fast?.2 == full.2)
    }

    @Test(arguments: [
        ("INVITE  sip:a@b SIP/2.0\r\n\r\n", SIPParseError.Kind.malformedStartLine, 7),
        ("INVITE sip:a@b SIP/2.0 \r\n\r\n", .malformedStartLine, 22),
        ("INVITE <sip:a@b> SIP/2.0\r\n\r\n", .malformedStartLine, 7),
        ("INVITE sip:a@b SIP/3.0\r\n\r\n", .unsupportedVersion, 15),
        ("INVITE sip:a\u{7f}@b SIP/2.0\r\n\r\n", .malformedStartLine, 12),
        ("INVITE sip:a\t@b SIP/2.0\r\n\r\n", .malformedStartLine, 12),
        ("INVITE sip:a@b SIP/2.0x\r\n\r\n", .malformedStartLine, 15),
        ("SIP/2.0 99 Odd\r\n\r\n", .malformedStartLine, 8),
        ("SIP/2.0 2000 OK\r\n\r\n", .malformedStartLine, 8),
        ("SIP/2.0 099 Odd\r\n\r\n", .malformedStartLine, 8),
        ("SIP/2.0 700 Odd\r\n\r\n", .malformedStartLine, 8),
        ("SIP/2.0 200\tOK\r\n\r\n", .malformedStartLine, 11),
        ("INV(TE sip:a@b SIP/2.0\r\n\r\n", .malformedStartLine, 3),
        ("INVITE sip:a@b SIP/2.0\r\nNoColon\r\n\r\n", .malformedHeader, 31),
        ("INVITE sip:a@b SIP/2.0\r\n: empty name\r\n\r\n", .malformedHeader, 24),
        ("INVITE sip:a@b SIP/2.0\r\nBad Name: x\r\n\r\n", .malformedHeader, 27),
        ("INVITE sip:a@b SIP/2.0\r\nB@d: x\r\n\r\n", .malformedHeader, 25),
        ("INVITE sip:a@b SIP/2.0\r\nCall-ID\r\n : folded colon\r\n\r\n", .malformedHeader, 31),
        ("INVITE sip:a@b SIP/2.0\r\nl: -1\r\n\r\n", .invalidContentLength, 27),
        ("INVITE sip:a@b SIP/2.0\r\nl: 1\r\nContent-Length: 2\r\n\r\nab", .invalidContentLength, 46),
    ])
    func errorsInLongMessagesAreTheErrorsOfShortOnes(text: String, kind: SIPParseError.Kind, offset: Int) {
        // A long header before the empty line: every line before it has the bytes the fast path reads.
        let end = text.utf8.count - (text.components(separatedBy: "\r\n\r\n").last?.utf8.count ?? 0) - 4
        let bytes = Array(text.utf8)
        let padded = Array(bytes[..<end]) + Array(("\r\nX-Padding: " + String(repeating: "p", count: 40)).utf8)
            + Array(bytes[end...])
        let error = parseError { () throws(SIPParseError) in _ = try SIPParser.parse(padded) }
        #expect(error?.kind == kind && error?.offset == offset)
    }
}
