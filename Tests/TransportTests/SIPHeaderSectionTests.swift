import Testing
@testable import Transport

@Suite struct SIPHeaderSectionTests {
    private func contentLength(_ text: String, max: Int = 1 << 20) -> SIPHeaderSection.ContentLength {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { SIPHeaderSection.contentLength($0, maxValue: max) }
    }

    private func end(_ text: String, from: Int = 0) -> SIPHeaderSection.End {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { SIPHeaderSection.findEnd($0, from: from) }
    }

    @Test func endOfHeaderSection() {
        #expect(end("A sip:x SIP/2.0\r\nX: y\r\n\r\nbody") == .found(25))
        #expect(end("A sip:x SIP/2.0\nX: y\n\nbody") == .found(22))
        #expect(end("A sip:x SIP/2.0\r\nX: y\r\n") == .needMore(resumeAt: 22))
        #expect(end("A sip:x SIP/2.0\r\nX: y\r\n\r") == .needMore(resumeAt: 22))
    }

    @Test func contentLengthValues() {
        #expect(contentLength("A sip:x SIP/2.0\r\nContent-Length: 12\r\n\r\n") == .value(12))
        #expect(contentLength("A sip:x SIP/2.0\r\nl:7\r\n\r\n") == .value(7))
        #expect(contentLength("A sip:x SIP/2.0\r\ncOnTeNt-LeNgTh \t:  3  \r\n\r\n") == .value(3))
        #expect(contentLength("A sip:x SIP/2.0\r\nContent-Length:\r\n  5\r\n\r\n") == .value(5))
        #expect(contentLength("A sip:x SIP/2.0\r\nContent-Type: a/b\r\n\r\n") == .absent)
        // The first occurrence decides; a Content-Length on the start line is not a header.
        #expect(contentLength("A sip:l:9 SIP/2.0\r\nl: 1\r\nContent-Length: 2\r\n\r\n") == .value(1))
        // "Content-Length-X" or "ll" are other headers.
        #expect(contentLength("A sip:x SIP/2.0\r\nll: 4\r\nContent-Length-X: 5\r\n\r\n") == .absent)
    }

    @Test func absurdContentLengthSaturatesAboveTheLimit() {
        guard case .value(let value) = contentLength("A sip:x SIP/2.0\r\nl: 99999999999999999999999\r\n\r\n", max: 1000)
        else {
            Issue.record("not a value")
            return
        }
        #expect(value > 1000)
        // Even with no practical limit, many digits never overflow.
        guard case .value(let huge) = contentLength("A sip:x SIP/2.0\r\nl: \(String(repeating: "9", count: 40))\r\n\r\n",
                                                    max: .max) else {
            Issue.record("not a value")
            return
        }
        #expect(huge == .max)
    }

    @Test(arguments: ["-1", "abc", "1 2", "0x10", ""])
    func invalidContentLength(_ value: String) {
        guard case .invalid = contentLength("A sip:x SIP/2.0\r\nContent-Length: \(value)\r\n\r\n") else {
            Issue.record("accepted \(value)")
            return
        }
    }

    @Test func webSocketUpgrade() {
        let request = Array(WebSocketFixture.clientHandshake)
        let plain = Array("GET / HTTP/1.1\r\nHost: x\r\n\r\n".utf8)
        let other = Array("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n\r\n".utf8)
        #expect(request.withUnsafeBufferPointer { SIPHeaderSection.webSocketUpgrade($0) }?.namesSIP == true)
        #expect(plain.withUnsafeBufferPointer { SIPHeaderSection.webSocketUpgrade($0) } == nil)
        #expect(other.withUnsafeBufferPointer { SIPHeaderSection.webSocketUpgrade($0) }?.namesSIP == false)
    }
}
