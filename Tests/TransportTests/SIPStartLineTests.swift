import Testing
@testable import Transport

@Suite struct SIPStartLineTests {
    @Test(arguments: [
        "INVITE sip:bob@example.com SIP/2.0\r\nVia: x\r\n",
        "SIP/2.0 200 OK\r\n",
        "NEWMETHOD sip:x SIP/2.0\r\n",
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
    ])
    func rejectsOtherText(_ text: String) {
        #expect(!SIPStartLine.matches(Array(text.utf8)))
    }
}
