import Testing
@testable import Transport

@Suite struct SIPStartLineTests {
    @Test(arguments: [
        "INVITE sip:bob@example.com SIP/2.0\r\nVia: x\r\n",
        "SIP/2.0 200 OK\r\n",
        "NEWMETHOD sip:x SIP/2.0\r\n",
        "OPTIONS sip:a SIP/2.0\r\n",
        "SIP/2.0 180 Ringing\tfor you\r\n",  // a tab in the reason phrase, past the first word
        "SIP/2.0 200 OK\n",
        "INVITE sip:x SIP/2.0",  // no line end within the bytes
    ])
    func recognisesSIP(_ text: String) {
        #expect(SIPStartLine.matches(Array(text.utf8)))
    }

    @Test(arguments: [
        "GET / HTTP/1.1\r\n",
        "SIP/2.0 2OO OK\r\n",
        "\r\n\r\n",
        "INVITE sip:bob@example.com SIP/3.0\r\n",
        "",
        "INVITE sip:0%s\u{0}2392870 SIP/2.0\r\n",   // fuzzed: a NUL inside the request line
        "SIP/2.0 401 Unauthori%s\u{0}\r\n",
        "INV\u{1}TE sip:x SIP/2.0\r\n",
        "SIP/2.0 180 Ringing\tand \u{1}\r\n",  // a control byte after a tab
        "INVITE sip:bob@example.com SIP/2.0\u{7f}\r\n",
    ])
    func rejectsOtherText(_ text: String) {
        #expect(!SIPStartLine.matches(Array(text.utf8)))
        #expect(!Array(text.utf8).withUnsafeBytes { SIPStartLine.matches($0) })
    }

    @Test func looksOnlyAtTheFirstLineWithinTheLimit() {
        let long = Array(("INVITE sip:" + String(repeating: "a", count: 600) + " SIP/2.0\r\n").utf8)
        #expect(!SIPStartLine.matches(long))
        #expect(SIPStartLine.matches(long, limit: 700))
    }

    @Test(arguments: ["\r\n\r\n", "\r\n", "\0\0"])
    func keepAlives(_ text: String) {
        #expect(Array(text.utf8).withUnsafeBytes { SIPStartLine.isKeepAlive($0) })
    }

    @Test func emptyAndTextAreNotKeepAlives() {
        #expect(![UInt8]().withUnsafeBytes { SIPStartLine.isKeepAlive($0) })
        #expect(!Array("\r\nOPTIONS".utf8).withUnsafeBytes { SIPStartLine.isKeepAlive($0) })
    }
}
