import Capture
import Testing
@testable import Transport

/// SIP over WebSocket (RFC 6455 framing, RFC 7118) as `SIPStreamFramer` decodes it.
@Suite struct SIPStreamFramerWebSocketTests {
    typealias F = StreamFixture
    typealias W = WebSocketFixture

    @Test func maskedClientFramesAfterTheUpgradeRequest() {
        var harness = FramerHarness()
        let message = F.request("REGISTER", body: "")
        harness.append(W.clientHandshake)
        harness.append(W.frame(message, mask: [0x12, 0x34, 0x56, 0x78]))
        #expect(harness.messages == [message])
        #expect(harness.payloads.first?.flow.transport == .ws)
        #expect(harness.payloads.first?.frames == [2])
        #expect(harness.framer.carriesSIP)
        #expect(harness.problems.isEmpty)
    }

    @Test func unmaskedServerFramesAfterThe101Response() {
        var harness = FramerHarness(flow: F.toClient)
        let first = F.response(200, cseq: 1), second = F.response(180, cseq: 2, body: "x")
        // Handshake and both frames in one segment.
        harness.append(W.serverHandshake + W.frame(first) + W.frame(second, opcode: 0x2))
        #expect(harness.messages == [first, second])
        #expect(harness.payloads.allSatisfy { $0.flow == Flow(source: F.server, destination: F.client, transport: .ws) })
    }

    @Test func fragmentedMessageWithInterleavedControlFrames() {
        var harness = FramerHarness()
        let message = F.request("INVITE", body: String(repeating: "v=0\r\n", count: 40))
        let mask: [UInt8] = [1, 2, 3, 4]
        harness.append(W.clientHandshake)
        harness.append(W.frame(Array(message[..<50]), final: false, mask: mask))
        harness.append(W.frame(Array("ping".utf8), opcode: 0x9, mask: mask))
        harness.append(W.frame(Array(message[50..<150]), opcode: 0x0, final: false, mask: mask))
        harness.append(W.frame(Array(message[150...]), opcode: 0x0, mask: mask))
        #expect(harness.messages == [message])
        #expect(harness.payloads.first?.frames == [2, 3, 4, 5])
        #expect(harness.problems.isEmpty)
    }

    @Test func extendedLengthFrameSplitAcrossManyChunks() {
        var harness = FramerHarness(flow: F.toClient)
        let message = F.response(body: String(repeating: "a", count: 70_000))
        let frame = W.frame(message)
        #expect(frame[1] == 127)
        harness.append(W.serverHandshake)
        for start in stride(from: 0, to: frame.count, by: 1400) {
            harness.append(Array(frame[start..<min(start + 1400, frame.count)]))
        }
        #expect(harness.messages == [message])
        #expect(harness.payloads.first?.frames.count == (frame.count + 1399) / 1400)
    }

    @Test func keepAliveMessagesAreSkipped() {
        var harness = FramerHarness()
        harness.append(W.clientHandshake + W.frame(Array("\r\n\r\n".utf8), mask: [9, 9, 9, 9]) + W.frame(F.request()))
        #expect(harness.messages == [F.request()])
        #expect(harness.problems.isEmpty)
    }

    @Test(arguments: [
        ("reserved opcode", W.frame(Array("xx".utf8), firstByte: 0x83)),
        ("reserved bits", W.frame(Array("xx".utf8), firstByte: 0xc1)),
        ("fragmented ping", W.frame(Array("xx".utf8), firstByte: 0x09)),
        ("long ping", W.frame(Array(repeating: 0x41, count: 126), opcode: 0x9)),
    ])
    func malformedFrameIsCountedAndResynchronised(_ name: String, _ bad: [UInt8]) {
        var harness = FramerHarness()
        harness.append(W.clientHandshake + W.frame(F.request(cseq: 1)))
        harness.append(bad + W.frame(F.request(cseq: 2)))
        #expect(harness.messages == [F.request(cseq: 1), F.request(cseq: 2)], "\(name)")
        #expect(harness.count(.malformedWebSocket) == 1, "\(name)")
        #expect(harness.count(.malformedSIP) == 0, "\(name)")
    }

    @Test func continuationWithoutAMessageIsMalformed() {
        var harness = FramerHarness()
        harness.append(W.clientHandshake)
        harness.append(W.frame(Array("orphan".utf8), opcode: 0x0) + W.frame(F.request()))
        #expect(harness.messages == [F.request()])
        #expect(harness.count(.malformedWebSocket) == 1)
    }

    @Test func newMessageBeforeTheFragmentedOneEndedIsMalformed() {
        var harness = FramerHarness()
        harness.append(W.clientHandshake)
        harness.append(W.frame(Array(F.request(cseq: 1).prefix(20)), final: false) + W.frame(F.request(cseq: 2)))
        #expect(harness.messages == [F.request(cseq: 2)])
        #expect(harness.count(.malformedWebSocket) == 1)
    }

    @Test func nonSIPMessageOnASIPWebSocketIsMalformedSIP() {
        var harness = FramerHarness()
        harness.append(W.clientHandshake + W.frame(Array("{\"json\": true}".utf8)) + W.frame(F.request()))
        #expect(harness.messages == [F.request()])
        #expect(harness.count(.malformedSIP) == 1)
    }

    @Test func gapInsideAFrameResynchronisesAtTheNextSIPFrame() {
        var harness = FramerHarness(flow: F.toClient)
        let first = W.frame(F.response(cseq: 1)), second = W.frame(F.response(cseq: 2))
        harness.append(W.serverHandshake + Array(first.prefix(30)))
        harness.framer.skipGap()
        harness.append(Array(first.dropFirst(60)) + second)
        #expect(harness.messages == [F.response(cseq: 2)])
        #expect(harness.framer.isWebSocket)
    }

    @Test func plainHTTPWithoutUpgradeIsNotSIP() {
        var harness = FramerHarness()
        harness.append("GET / HTTP/1.1\r\nHost: x\r\n\r\n" + String(decoding: F.request(), as: UTF8.self))
        #expect(harness.messages == [F.request()])
        #expect(!harness.framer.isWebSocket)
        #expect(harness.payloads.first?.flow.transport == .tcp)
    }

    @Test func endOfStreamInsideAFragmentedMessageIsTruncated() {
        var harness = FramerHarness()
        harness.append(W.clientHandshake + W.frame(Array(F.request().prefix(20)), final: false))
        harness.finish()
        #expect(harness.payloads.isEmpty)
        #expect(harness.count(.truncated) == 1)
    }
}

extension SIPStreamFramerWebSocketTests {
    @Test func captureJoinedAfterTheHandshakeFindsTheFrames() {
        var server = FramerHarness(flow: F.toClient)
        server.append(Array(W.frame(F.response(cseq: 1)).dropFirst(40)) + W.frame(F.response(cseq: 2)))
        #expect(server.messages == [F.response(cseq: 2)])
        #expect(server.payloads.first?.flow.transport == .ws)
        var client = FramerHarness()
        client.append(W.frame(F.request(cseq: 3), mask: [0x55, 0x66, 0x77, 0x88]) + W.frame(F.request(cseq: 4), mask: [1, 1, 1, 1]))
        #expect(client.messages == [F.request(cseq: 3), F.request(cseq: 4)])
        #expect(client.problems.isEmpty)
    }
}
