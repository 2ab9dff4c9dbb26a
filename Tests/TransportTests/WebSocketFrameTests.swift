import Testing
@testable import Transport

@Suite struct WebSocketFrameTests {
    typealias W = WebSocketFixture

    private func parse(_ bytes: [UInt8], max: Int = 1 << 20) -> WebSocketFrame.Parse {
        bytes.withUnsafeBufferPointer { WebSocketFrame.parse($0, at: 0, maxPayload: max) }
    }

    @Test func shortUnmaskedTextFrame() {
        guard case .frame(let frame) = parse(W.frame(Array("hello".utf8))) else {
            Issue.record("not parsed")
            return
        }
        #expect(frame.isFinal && frame.opcode == .text && frame.mask == nil)
        #expect(frame.headerLength == 2 && frame.payloadLength == 5)
    }

    @Test func maskedFrameUnmasksToThePayload() {
        let payload = Array("SIP/2.0 200 OK\r\n".utf8)
        let bytes = W.frame(payload, mask: [0xa1, 0xb2, 0xc3, 0xd4])
        guard case .frame(let frame) = parse(bytes) else {
            Issue.record("not parsed")
            return
        }
        #expect(frame.mask == 0xa1b2_c3d4 && frame.headerLength == 6)
        var out: [UInt8] = []
        bytes.withUnsafeBufferPointer { frame.appendPayload(of: $0, at: 0, to: &out) }
        #expect(out == payload)
    }

    @Test func sixteenAndSixtyFourBitLengths() {
        guard case .frame(let medium) = parse(W.frame(Array(repeating: 1, count: 300))),
              case .frame(let large) = parse(W.frame(Array(repeating: 1, count: 70_000), mask: [1, 2, 3, 4])) else {
            Issue.record("not parsed")
            return
        }
        #expect(medium.headerLength == 4 && medium.payloadLength == 300)
        #expect(large.headerLength == 14 && large.payloadLength == 70_000)
    }

    @Test func incompleteHeaderNeedsMore() {
        let bytes = W.frame(Array(repeating: 1, count: 300), mask: [1, 2, 3, 4])
        for cut in 0..<8 { #expect(parse(Array(bytes.prefix(cut))) == .needMore) }
    }

    @Test(arguments: [
        [0x83, 0x00] as [UInt8],                       // reserved opcode
        [0xc1, 0x00],                                  // RSV1 (compression) set
        [0x09, 0x00],                                  // control frame without FIN
        [0x89, 126, 0x00, 0x7e],                       // control frame longer than 125
        [0x81, 127, 0x80, 0, 0, 0, 0, 0, 0, 0],        // 64-bit length with the top bit set
        [0x81, 127, 0, 0, 0, 1, 0, 0, 0, 0],           // beyond the payload limit
    ])
    func malformedHeaders(_ bytes: [UInt8]) {
        guard case .malformed = parse(bytes) else {
            Issue.record("accepted \(bytes)")
            return
        }
    }
}
