import Testing
@testable import SIP

@Suite struct SIPMessageTests {
    /// Messages are kept and copied through dialog tracking and audit: their own fields stay small.
    @Test func messageFieldsAreCompact() {
        #expect(MemoryLayout<SIPMessage>.stride == 56)
    }

    @Test(arguments: [
        ("SIP/2.0 200 OK", "SIP/2.0", "200", "OK"),
        ("SIP/2.0 200", "SIP/2.0", "200", ""),
        ("SIP/2.0 200 ", "SIP/2.0", "200", ""),
        ("sip/2.0 486 Busy Here, really", "sip/2.0", "486", "Busy Here, really"),
    ])
    func statusLineElementsAreFoundAgain(line: String, version: String, code: String, reason: String) throws {
        let m = try SIPParser.parse(message(["\r\n" + line, "Call-ID: x"]))
        let parts = m.startLineParts
        #expect([parts.method, parts.version, parts.target, parts.reason].map(m.text) == [version, version, code, reason])
        #expect(m.reasonPhrase == reason)
        #expect(m.statusCode == Int(code))
    }

    @Test(arguments: [("INVITE sip:bob@b SIP/2.0", "INVITE", "sip:bob@b"), ("X-METHOD tel:+1 SIP/2.0", "X-METHOD", "tel:+1")])
    func requestLineElementsAreFoundAgain(line: String, method: String, uri: String) throws {
        let m = try SIPParser.parse(message(["\n\n" + line, "Call-ID: x"]))
        let parts = m.startLineParts
        #expect([parts.method, parts.target, parts.version, parts.reason].map(m.text) == [method, uri, "SIP/2.0", ""])
        #expect(parts.method.lowerBound == 2)
        #expect(m.requestURI == uri && m.method?.rawValue == method)
    }

    /// The start line and the body's start are held in 32 bits as header offsets are: beyond the
    /// limit (lowered here; 4 GiB in use) the message is an error, never a trap.
    @Test func startLineAndBodyStartBeyondTheOffsetLimitAreRejected() throws {
        let bytes = message(["OPTIONS sip:a@b SIP/2.0", "Call-ID: 1"], body: "body")
        var options = SIPParser.Options()
        options.headerOffsetLimit = 20
        let line = parseError { () throws(SIPParseError) in _ = try SIPParser.parse(bytes, options: options) }
        #expect(line?.kind == .malformedStartLine && line?.offset == 0)
        options.headerOffsetLimit = 38  // every header fits; the body starts at 39
        let body = parseError { () throws(SIPParseError) in _ = try SIPParser.parse(bytes, options: options) }
        #expect(body?.kind == .malformedHeader && body?.offset == 39)
        options.headerOffsetLimit = 39
        #expect(try Array(SIPParser.parse(bytes, options: options).body) == Array("body".utf8))
    }
}
