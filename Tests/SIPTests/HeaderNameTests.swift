import Testing
@testable import SIP

@Suite struct HeaderNameTests {
    @Test(arguments: [
        ("i", HeaderName.callID), ("m", .contact), ("e", .contentEncoding), ("l", .contentLength),
        ("c", .contentType), ("f", .from), ("s", .subject), ("k", .supported), ("t", .to), ("v", .via),
        ("o", .event), ("u", .allowEvents), ("r", .referTo), ("b", .referredBy), ("a", .acceptContact),
        ("j", .rejectContact), ("d", .requestDisposition), ("x", .sessionExpires), ("y", .identity),
        ("n", .identityInfo), ("I", .callID), ("V", .via),
    ])
    func compactForms(compact: String, long: HeaderName) {
        #expect(HeaderName(compact) == long)
    }

    @Test func caseInsensitiveLongNames() {
        #expect(HeaderName("CALL-ID") == .callID)
        #expect(HeaderName("Record-Route") == .recordRoute)
        #expect(HeaderName("rEcOrD-rOuTe") == .recordRoute)
        #expect(HeaderName("WWW-Authenticate") == .wwwAuthenticate)
        #expect(HeaderName("X-Custom").rawValue == "x-custom")
        #expect(HeaderName("q") == HeaderName("Q"))
        #expect(HeaderName("q").rawValue == "q")
    }
}

@Suite struct HeaderNameUnknownTests {
    @Test func unknownNamesCompareByTheirLowercasedText() {
        let long = HeaderName("X-A-Very-Long-Extension-Header-Name-Beyond-32")
        #expect(long == HeaderName("x-a-very-long-extension-header-name-beyond-32"))
        #expect(long != HeaderName("X-A-Very-Long-Extension-Header-Name-Beyond-33"))
        #expect(!long.isKnown)
        #expect(long.rawValue == "x-a-very-long-extension-header-" + "n…")
        #expect(HeaderName("P-Asserted-Identity-X").rawValue == "p-asserted-identity-x")
        #expect(HeaderName("X-Foo") != HeaderName("X-Fop"))
        #expect(Set([HeaderName("X-Foo"), HeaderName("x-foo"), .via, HeaderName("V")]).count == 2)
    }

    @Test func parserRecognisesNamesOfEveryLengthAndCase() throws {
        let names = ["v", "To", "VIA", "cseq", "Route", "ALLOW-events", "Record-Route", "Content-Length",
                     "proxy-AUTHORIZATION", "Authentication-Info", "Request-Disposition"]
        let text = "OPTIONS sip:a@b SIP/2.0\r\n" + names.map { "\($0): 0\r\n" }.joined() + "\r\n"
        let m = try SIPParser.parse(Array(text.utf8))
        #expect(m.headers.map(\.name) == names.map { HeaderName($0) })
        #expect(m.headers.allSatisfy { $0.name.isKnown })
        #expect(m.headers.map(\.name.rawValue) == ["via", "to", "via", "cseq", "route", "allow-events", "record-route",
                                                   "content-length", "proxy-authorization", "authentication-info",
                                                   "request-disposition"])
    }
}

@Suite struct HeaderNameWordTests {
    /// Both readings of the same bytes.
    private func both(_ bytes: [UInt8]) -> (HeaderName, HeaderName) {
        (HeaderName(otherBytes: bytes), bytes.withUnsafeBufferPointer { HeaderName(otherBytesIn: $0) })
    }

    @Test func wordsGiveWhatTheByteLoopGivesForEveryByteAndLength() {
        for length in [0, 1, 7, 8, 9, 15, 16, 17, 24, 31, 32, 33, 40, 64, 300] {
            for value in 0...255 {
                var bytes = (0..<length).map { UInt8(ascii: "A") + UInt8($0 % 26) }
                if length > 0 { bytes[value % length] = UInt8(value) }
                let (bytewise, wordwise) = both(bytes)
                #expect(bytewise == wordwise && bytewise.rawValue == wordwise.rawValue, "\(length) \(value)")
            }
        }
    }

    @Test func unknownNamesInTheParserKeepTheirLowercasedText() throws {
        let m = try SIPParser.parse(message(["OPTIONS sip:a@b SIP/2.0", "X-Mixed-CASE-Name-~-Z: 1",
                                             "P-Asserted-Identity-Extended-Beyond-32-Bytes: 2"]))
        #expect(m.headers.map(\.name.rawValue) == ["x-mixed-case-name-~-z", "p-asserted-identity-extended-bey" + "…"])
        #expect(m.headers[1].name == HeaderName("p-asserted-identity-extended-beyond-32-bytes"))
    }
}
