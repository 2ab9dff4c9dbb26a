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
