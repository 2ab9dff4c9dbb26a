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
