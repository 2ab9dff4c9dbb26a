import Capture
import Testing
@testable import Transport

@Suite struct TCPReassemblerTests {
    typealias F = StreamFixture

    /// Splits `bytes` into pieces at the given offsets.
    private func split(_ bytes: [UInt8], at cuts: [Int]) -> [(offset: Int, bytes: [UInt8])] {
        let bounds = [0] + cuts + [bytes.count]
        return zip(bounds, bounds.dropFirst()).map { ($0, Array(bytes[$0..<$1])) }
    }

    @Test func handshakeThenMessagesBothWays() {
        var harness = ReassemblyHarness()
        harness.send([], sequence: 1000, flags: [.syn])
        harness.send([], sequence: 5000, flow: F.toClient, flags: [.syn, .ack], acknowledgment: 1001)
        harness.send(F.request(), sequence: 1001, acknowledgment: 5001)
        harness.send(F.response(), sequence: 5001, flow: F.toClient, acknowledgment: 1001 + UInt32(F.request().count))
        #expect(harness.messages == [F.request(), F.response()])
        #expect(harness.payloads.map(\.flow) == [F.toServer, F.toClient])
        #expect(harness.payloads.map(\.frames) == [[3], [4]])
        #expect(harness.problems.isEmpty)
    }

    @Test func sequenceNumbersWrapAround() {
        var harness = ReassemblyHarness()
        let message = F.request(body: "across the wrap")
        harness.send([], sequence: 0xffff_ffe0, flags: [.syn])
        // Payload starts at 0xffffffe1 and crosses 2^32 in the middle of the second piece;
        // the pieces arrive 3, 1, 2.
        let pieces = split(message, at: [10, 60])
        for index in [2, 0, 1] {
            harness.send(pieces[index].bytes, sequence: 0xffff_ffe1 &+ UInt32(pieces[index].offset))
        }
        harness.send(F.request(cseq: 2), sequence: 0xffff_ffe1 &+ UInt32(message.count))
        #expect(harness.messages == [message, F.request(cseq: 2)])
        #expect(harness.payloads.first?.frames == [2, 3, 4])
        #expect(harness.problems.isEmpty)
    }

    @Test func identicalRetransmissionIsDropped() {
        var harness = ReassemblyHarness()
        let message = F.request()
        let pieces = split(message, at: [50])
        harness.send(pieces[0].bytes, sequence: 1)
        harness.send(pieces[0].bytes, sequence: 1)
        harness.send(pieces[1].bytes, sequence: 51)
        harness.send(message, sequence: 1)
        #expect(harness.messages == [message])
        #expect(harness.payloads.first?.frames == [1, 3])
        #expect(harness.problems.isEmpty)
    }

    @Test func retransmissionWithDifferentBytesKeepsTheFirstAndIsCounted() {
        var harness = ReassemblyHarness()
        let message = F.request(body: "original")
        let pieces = split(message, at: [40])
        harness.send(pieces[0].bytes, sequence: 1)
        var altered = pieces[0].bytes
        altered[5] ^= 0x20
        // Overlaps the delivered bytes (altered) and brings new ones.
        harness.send(altered + Array(pieces[1].bytes.prefix(10)), sequence: 1)
        harness.send(Array(pieces[1].bytes.dropFirst(10)), sequence: 51)
        #expect(harness.messages == [message])
        #expect(harness.count(.tcpOverlap) == 1)
        #expect(harness.problems.first?.frame == 2)
    }

    @Test func outOfOrderSegmentsAreDeliveredWhenTheHoleFills() {
        var harness = ReassemblyHarness()
        let stream = F.request(cseq: 1) + F.request(cseq: 2)
        let pieces = split(stream, at: [30, 200, 260])
        harness.send([], sequence: 99, flags: [.syn], at: 0)
        harness.send(pieces[3].bytes, sequence: 100 + UInt32(pieces[3].offset), at: 2)
        harness.send(pieces[1].bytes, sequence: 100 + UInt32(pieces[1].offset), at: 3)
        harness.send(pieces[2].bytes, sequence: 100 + UInt32(pieces[2].offset), at: 4)
        #expect(harness.payloads.isEmpty)
        harness.send(pieces[0].bytes, sequence: 100, at: 5)
        #expect(harness.messages == [F.request(cseq: 1), F.request(cseq: 2)])
        // Frames in capture order, time of the frame that completed the message.
        // The first message spans pieces 0 to 2 (frames 5, 3, 4), the second pieces 2 and 3 (frames 4, 2).
        #expect(F.request(cseq: 1).count > 200 && F.request(cseq: 1).count < 260)
        #expect(harness.payloads.map(\.frames) == [[3, 4, 5], [2, 4]])
        #expect(harness.payloads.map(\.time) == [F.time(5), F.time(4)])
        #expect(harness.problems.isEmpty)
    }

    @Test func framesOfReorderedMessageAreInCaptureOrder() {
        var harness = ReassemblyHarness()
        let message = F.request(body: "abcdefghij")
        let pieces = split(message, at: [40, 80])
        harness.send([], sequence: 0, flags: [.syn], at: 0)
        harness.send(pieces[2].bytes, sequence: 1 + 80, at: 2)
        harness.send(pieces[0].bytes, sequence: 1, at: 3)
        #expect(harness.payloads.isEmpty)
        harness.send(pieces[1].bytes, sequence: 1 + 40, at: 4)
        #expect(harness.messages == [message])
        #expect(harness.payloads.first?.frames == [2, 3, 4])
        #expect(harness.payloads.first?.time == F.time(4))
        #expect(harness.payloads.first?.frame == 4)
    }

    @Test func overlappingBufferedSegmentsWithDifferentBytesKeepTheFirst() {
        var harness = ReassemblyHarness()
        let message = F.request(body: "0123456789")
        harness.send(Array(message.prefix(10)), sequence: 1)
        harness.send(Array(message[20..<60]), sequence: 21)
        var conflicting = Array(message[30..<90])
        conflicting[0] ^= 0x01  // differs from the byte buffered at offset 30
        harness.send(conflicting, sequence: 31)
        harness.send(Array(message[10..<20]), sequence: 11)
        harness.send(Array(message[90...]), sequence: 91)
        #expect(harness.messages == [message])
        #expect(harness.count(.tcpOverlap) == 1)
        #expect(harness.problems.first?.frame == 3)
    }

    @Test func gapAtStreamEndIsCountedAndTheStreamResynchronises() {
        var harness = ReassemblyHarness()
        let first = F.request(cseq: 1), second = F.request(cseq: 2, body: "lost middle"), third = F.request(cseq: 3)
        harness.send([], sequence: 0, flags: [.syn])
        harness.send(first, sequence: 1)
        harness.send(Array(second.prefix(40)), sequence: 1 + UInt32(first.count))
        // Bytes 40..<80 of the second message are never captured.
        let after = Array(second.dropFirst(80)) + third
        let gapFrame = harness.send(after, sequence: 1 + UInt32(first.count + 80))
        #expect(harness.messages == [first])
        harness.finish()
        #expect(harness.messages == [first, third])
        #expect(harness.count(.tcpGap) == 1)
        #expect(harness.problems.first { $0.kind == .tcpGap }?.frame == gapFrame)
        #expect(harness.count(.malformedSIP) == 1)
    }

    @Test func acknowledgedHoleIsAGapAtOnce() {
        var harness = ReassemblyHarness()
        let first = F.request(cseq: 1), second = F.request(cseq: 2), third = F.request(cseq: 3)
        harness.send(first, sequence: 1)
        let afterHole = UInt32(1 + first.count + second.count)
        harness.send(third, sequence: afterHole)
        #expect(harness.messages == [first])
        // The server acknowledges everything: the second message went by uncaptured.
        harness.send([], sequence: 1, flow: F.toClient, flags: [.ack], acknowledgment: afterHole + UInt32(third.count))
        #expect(harness.messages == [first, third])
        #expect(harness.count(.tcpGap) == 1)
        #expect(harness.count(.malformedSIP) == 0)
    }

    @Test func holeOpenLongerThanTheTimeoutIsAGap() {
        var harness = ReassemblyHarness(limits: .init(holeTimeout: 2))
        let first = F.request(cseq: 1), second = F.request(cseq: 2), third = F.request(cseq: 3)
        harness.send(first, sequence: 1, at: 0)
        harness.send(third, sequence: UInt32(1 + first.count + second.count), at: 1)
        harness.send(Array("\r\n".utf8), sequence: UInt32(1 + first.count + second.count + third.count), at: 5)
        #expect(harness.messages == [first, third])
        #expect(harness.count(.tcpGap) == 1)
    }

    @Test func newSYNOnTheSameEndpointsStartsANewStream() {
        var harness = ReassemblyHarness()
        let partial = Array(F.request(cseq: 1, body: "never finished").prefix(60))
        harness.send([], sequence: 100, flags: [.syn])
        harness.send(F.request(cseq: 1), sequence: 101)
        harness.send(partial, sequence: 101 + UInt32(F.request(cseq: 1).count))
        // Reuse: a new ISN far away from the old stream.
        harness.send([], sequence: 9_000_000, flags: [.syn])
        harness.send([], sequence: 9_000_000, flags: [.syn])  // retransmitted SYN changes nothing
        harness.send(F.request(cseq: 2), sequence: 9_000_001)
        #expect(harness.messages == [F.request(cseq: 1), F.request(cseq: 2)])
        #expect(harness.count(.truncated) == 1)  // the old stream ended inside a message
        #expect(harness.reassembler.connectionCount == 1)
    }

    @Test func reuseAfterFINsAndLateRetransmissionAfterClose() {
        var harness = ReassemblyHarness()
        let message = F.request(cseq: 1)
        harness.send([], sequence: 10, flags: [.syn])
        harness.send([], sequence: 70, flow: F.toClient, flags: [.syn, .ack], acknowledgment: 11)
        harness.send(message, sequence: 11, flags: [.ack, .psh, .fin])
        harness.send([], sequence: 71, flow: F.toClient, flags: [.ack, .fin])
        // A late retransmission of the last data must not yield the message twice.
        harness.send(message, sequence: 11, flags: [.ack, .psh, .fin])
        #expect(harness.messages == [message])
        harness.send([], sequence: 500, flags: [.syn])
        harness.send(F.request(cseq: 2), sequence: 501)
        #expect(harness.messages == [message, F.request(cseq: 2)])
        #expect(harness.problems.isEmpty)
    }

    @Test func captureStartingMidStreamResynchronisesAtAStartLine() {
        var harness = ReassemblyHarness()
        let earlier = F.request(cseq: 1, body: "body of a message whose start we missed")
        harness.send(Array(earlier.dropFirst(100)) + F.request(cseq: 2), sequence: 77_777)
        harness.send(F.response(cseq: 2), sequence: 1, flow: F.toClient)
        #expect(harness.messages == [F.request(cseq: 2), F.response(cseq: 2)])
        #expect(harness.problems.isEmpty)
    }

    @Test func resetFlushesBufferedDataPastTheHole() {
        var harness = ReassemblyHarness()
        let first = F.request(cseq: 1), second = F.request(cseq: 2)
        harness.send(Array(first.prefix(20)), sequence: 1)
        harness.send(second, sequence: 1 + UInt32(first.count))
        harness.send([], sequence: 1 + UInt32(first.count + second.count), flags: [.rst])
        #expect(harness.messages == [second])
        #expect(harness.count(.tcpGap) == 1)
        #expect(harness.reassembler.connectionCount == 1)  // kept closed, for late retransmissions
    }

    @Test func outOfOrderBufferLimitIsCountedAndTheStreamResynchronises() {
        var harness = ReassemblyHarness(limits: .init(maxOutOfOrderSegments: 3))
        let messages = (1...6).map { F.request(cseq: $0) }
        harness.send([], sequence: 0, flags: [.syn])
        var sequence: UInt32 = 1 + UInt32(messages[0].count)  // the first message is never captured
        for message in messages.dropFirst() {
            harness.send(message, sequence: sequence)
            sequence += UInt32(message.count)
        }
        #expect(harness.count(.bufferLimit) == 1)
        #expect(harness.count(.tcpGap) == 1)
        // Giving up the hole delivered the three buffered messages; the rest then came in order.
        #expect(harness.messages == Array(messages[1...]))
        #expect(harness.problems.first { $0.kind == .tcpGap }?.frame == 2)
        harness.finish()
        #expect(harness.messages == Array(messages[1...]))
        #expect(harness.problems.count == 2)
    }

    @Test func tooManyConnectionsEvictsTheOldest() {
        var harness = ReassemblyHarness(limits: .init(maxStreams: 2))
        func flow(_ port: UInt16) -> Flow {
            Flow(source: Endpoint(address: .v4(0x7f00_0203), port: port), destination: F.server, transport: .tcp)
        }
        harness.send(Array(F.request(cseq: 1).prefix(80)), sequence: 1, flow: flow(16010))
        harness.send(F.request(cseq: 2), sequence: 1, flow: flow(16011))
        harness.send(F.request(cseq: 3), sequence: 1, flow: flow(16012))
        #expect(harness.reassembler.connectionCount == 2)
        #expect(harness.count(.bufferLimit) == 1)
        #expect(harness.messages == [F.request(cseq: 2), F.request(cseq: 3)])
    }

    @Test func idleConnectionsExpireInCaptureTime() {
        var harness = ReassemblyHarness(limits: .init(idleTimeout: 10, holeTimeout: 4))
        let other = Flow(source: Endpoint(address: .v4(0x7f00_0204), port: 16020), destination: F.server, transport: .tcp)
        harness.send(Array(F.request(cseq: 1).prefix(80)), sequence: 1, at: 0)
        harness.send(F.request(cseq: 2), sequence: 1, flow: other, at: 5)
        #expect(harness.reassembler.connectionCount == 2)
        harness.send(F.request(cseq: 3), sequence: 1 + UInt32(F.request(cseq: 2).count), flow: other, at: 30)
        #expect(harness.reassembler.connectionCount == 1)
        #expect(harness.count(.truncated) == 1)
        harness.reassembler.expire(olderThan: F.time(31), emit: { _ in }, problem: { _ in })
        #expect(harness.reassembler.connectionCount == 0)
    }

    @Test func bareACKOfAnUnknownConnectionIsIgnored() {
        var harness = ReassemblyHarness()
        harness.send([], sequence: 1, flags: [.ack])
        harness.send([], sequence: 1, flags: [.ack, .fin])
        #expect(harness.reassembler.connectionCount == 0)
    }

    @Test func webSocketConnectionEndToEnd() {
        var harness = ReassemblyHarness()
        let W = WebSocketFixture.self
        harness.send([], sequence: 0, flags: [.syn])
        harness.send([], sequence: 0, flow: F.toClient, flags: [.syn, .ack], acknowledgment: 1)
        harness.send(W.clientHandshake, sequence: 1)
        harness.send(W.serverHandshake, sequence: 1, flow: F.toClient)
        let request = W.frame(F.request(), mask: [7, 7, 7, 7])
        let pieces = split(request, at: [1, 100])
        var sequence = 1 + UInt32(W.clientHandshake.count)
        for piece in pieces {
            harness.send(piece.bytes, sequence: sequence)
            sequence += UInt32(piece.bytes.count)
        }
        harness.send(W.frame(F.response()), sequence: 1 + UInt32(W.serverHandshake.count), flow: F.toClient)
        #expect(harness.messages == [F.request(), F.response()])
        #expect(harness.payloads.map(\.flow.transport) == [.ws, .ws])
        #expect(harness.payloads.first?.frames == [5, 6, 7])
    }
}

extension TCPReassemblerTests {
    @Test func problemsOfStreamsThatNeverCarrySIPAreNotReported() {
        var harness = ReassemblyHarness()
        let https = Flow(source: F.client, destination: Endpoint(address: .v4(0x7f00_0209), port: 16443), transport: .tcp)
        let record = Array(repeating: UInt8(0x17), count: 60)
        harness.send([], sequence: 0, flow: https, flags: [.syn])
        harness.send(record, sequence: 1, flow: https)
        harness.send(record.map { $0 ^ 1 }, sequence: 1, flow: https)  // retransmission with other bytes
        harness.send(record, sequence: 500, flow: https)                // a hole that never fills
        harness.finish()
        #expect(harness.problems.isEmpty)
    }

    @Test func gapBeforeTheFirstSIPMessageIsReportedOnceTheStreamShowsSIP() {
        var harness = ReassemblyHarness()
        harness.send([], sequence: 0, flags: [.syn])
        harness.send(F.request(cseq: 2), sequence: 301)  // the first 300 bytes were never captured
        harness.finish()
        #expect(harness.messages == [F.request(cseq: 2)])
        #expect(harness.problems.map(\.kind) == [.tcpGap])
    }
}

extension TCPReassemblerTests {
    @Test func keepAliveProbeWithAGarbageByteIsNotAnOverlap() {
        var harness = ReassemblyHarness()
        let message = F.request()
        harness.send([], sequence: 0, flags: [.syn])
        harness.send(message, sequence: 1)
        harness.send([0x00], sequence: UInt32(message.count))  // seq = next - 1
        harness.send(F.request(cseq: 2), sequence: 1 + UInt32(message.count))
        #expect(harness.messages == [message, F.request(cseq: 2)])
        #expect(harness.problems.isEmpty)
    }
}

extension TCPReassemblerTests {
    @Test func captureStartingMidStreamWithItsFirstSegmentsReordered() {
        var harness = ReassemblyHarness()
        let stream = F.request(cseq: 1, body: "first") + F.request(cseq: 2)
        let pieces = split(stream, at: [100, 200])
        // No SYN: the capture starts with the second piece, then the first, then the third.
        harness.send(pieces[1].bytes, sequence: 5000 + 100)
        harness.send(pieces[0].bytes, sequence: 5000)
        harness.send(pieces[2].bytes, sequence: 5000 + 200)
        #expect(harness.messages == [F.request(cseq: 1, body: "first"), F.request(cseq: 2)])
        #expect(harness.payloads.first?.frames == [1, 2, 3])
        #expect(harness.problems.isEmpty)
    }

    @Test func captureStartingMidStreamAtAMessageThenTheOneBefore() {
        var harness = ReassemblyHarness()
        let first = F.request(cseq: 1), second = F.request(cseq: 2, body: "body")
        harness.send(Array(second.prefix(120)), sequence: 700 + UInt32(first.count))  // a start line: SIP seen
        harness.send(first, sequence: 700)
        harness.send(Array(second.dropFirst(120)), sequence: 700 + UInt32(first.count + 120))
        #expect(harness.messages == [first, second])
        #expect(harness.problems.isEmpty)
    }
}

/// The reassembler remembers where the last segment's connection sits in its table; connections
/// evicted, expired or added in between must never leave it pointing at the wrong one.
@Suite struct TCPReassemblerConnectionLookupTests {
    typealias F = StreamFixture
    let other = Flow(source: Endpoint(address: .v4(0x7f00_0203), port: 16003), destination: F.server, transport: .tcp)

    @Test func evictionBetweenSegmentsOfTheSameConnection() {
        var harness = ReassemblyHarness(limits: TCPReassembler.Limits(maxStreams: 1))
        harness.send(F.request(cseq: 1), sequence: 100)
        harness.send(F.request(cseq: 2), sequence: 100, flow: other)  // evicts the first connection
        harness.send(F.request(cseq: 3), sequence: 100 + UInt32(F.request(cseq: 2).count), flow: other)
        harness.send(F.request(cseq: 4), sequence: 100 + UInt32(F.request(cseq: 1).count))  // evicts the other
        #expect(harness.messages == [F.request(cseq: 1), F.request(cseq: 2), F.request(cseq: 3), F.request(cseq: 4)])
        #expect(harness.payloads.map(\.flow) == [F.toServer, other, other, F.toServer])
        #expect(harness.reassembler.connectionCount == 1)
    }

    @Test func expiryBetweenSegmentsOfTheSameConnection() {
        var harness = ReassemblyHarness(limits: TCPReassembler.Limits(idleTimeout: 10))
        harness.send(F.request(cseq: 1), sequence: 100, at: 0)
        harness.send(F.request(cseq: 2), sequence: 500, flow: other, at: 1)
        harness.send(F.request(cseq: 3), sequence: 500 + UInt32(F.request(cseq: 2).count), flow: other, at: 30)
        // The first connection expired meanwhile: its next segment starts a connection of its own.
        harness.send(F.request(cseq: 4), sequence: 100 + UInt32(F.request(cseq: 1).count), at: 31)
        #expect(harness.messages == [F.request(cseq: 1), F.request(cseq: 2), F.request(cseq: 3), F.request(cseq: 4)])
        #expect(harness.payloads.map(\.flow) == [F.toServer, other, other, F.toServer])
        #expect(harness.problems.isEmpty)
    }
}
