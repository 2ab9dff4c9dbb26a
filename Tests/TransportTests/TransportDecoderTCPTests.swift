import Capture
import Testing
@testable import Transport

@Suite struct TransportDecoderTCPTests {
    typealias P = PacketBuilder

    func tcp(sequence: UInt32, flags: UInt8 = 0x18, payload: [UInt8], headerWords: UInt8 = 5, number: Int) -> Frame {
        let header = P.be16(40000) + P.be16(5060) + P.be32(sequence) + P.be32(1) + [headerWords << 4, flags]
            + P.be16(65535) + [0, 0, 0, 0] + [UInt8](repeating: 1, count: max(0, Int(headerWords) * 4 - 20))
        return P.frame(P.ethernet(payload: P.ipv4(protocolNumber: 6, payload: header + payload)), number: number)
    }

    @Test func messageOverTwoSegmentsIsOnePayloadWithBothFrames() throws {
        let result = P.decode([tcp(sequence: 1000, payload: Array(P.sip[0..<40]), number: 1),
                               tcp(sequence: 1040, payload: Array(P.sip[40...]), number: 2)])
        let payload = try #require(result.payloads.first)
        #expect(payload.bytes == P.sip && payload.frames == [1, 2])
        #expect(payload.flow.description == "127.0.1.1:40000 -> 127.0.1.2:5060/tcp")
        #expect(result.statistics.sipPayloads[.tcp] == 1)
    }

    // The decoder lends each segment's bytes from one scratch buffer: what the reassembler keeps
    // (out-of-order data, the last segments for retransmission checks) must survive its reuse.
    @Test func outOfOrderSegmentsSurviveTheScratchBufferBeingReused() throws {
        let result = P.decode([tcp(sequence: 1040, payload: Array(P.sip[40...]), number: 1),
                               tcp(sequence: 1000, payload: Array(P.sip[0..<40]), number: 2)])
        // The first segment seen starts the stream; the earlier one arriving second moves it back.
        let payload = try #require(result.payloads.first)
        #expect(payload.bytes == P.sip && payload.frames == [1, 2])
        #expect(result.problems.isEmpty)
    }

    @Test func retransmissionIsComparedWithTheBytesFirstSeenAfterTheScratchBufferIsReused() {
        var altered = Array(P.sip[0..<40])
        altered[10] ^= 0x20
        let result = P.decode([tcp(sequence: 1000, payload: Array(P.sip[0..<40]), number: 1),
                               tcp(sequence: 1040, payload: Array(P.sip[40...]), number: 2),
                               tcp(sequence: 1000, payload: Array(P.sip[0..<40]), number: 3),
                               tcp(sequence: 1000, payload: altered, number: 4)])
        #expect(result.payloads.map(\.bytes) == [P.sip])
        #expect(result.problems.map(\.kind) == [.tcpOverlap] && result.problems.first?.frame == 4)
    }

    @Test func twoMessagesInOneSegment() {
        #expect(P.decode(tcp(sequence: 7, payload: P.sip + P.sip, number: 1)).payloads.count == 2)
    }

    @Test func tcpOptionsAreSkipped() {
        #expect(P.decode(tcp(sequence: 7, payload: P.sip, headerWords: 8, number: 1)).payloads.count == 1)
    }

    @Test func headerLengthBelowTwentyIsMalformed() {
        let result = P.decode(tcp(sequence: 7, payload: P.sip, headerWords: 4, number: 3))
        #expect(result.problems.map(\.kind) == [.malformedPacket] && result.problems.first?.frame == 3)
    }

    @Test func headerLongerThanTheSegmentIsTruncated() {
        var frame = tcp(sequence: 7, payload: Array(P.sip.prefix(20)), number: 1)
        frame.bytes[14 + 20 + 12] = 0xf0  // data offset 15 words = 60 bytes, only 40 follow
        #expect(P.decode(frame).statistics.problems[.truncated] == 1)
    }

    @Test func segmentCutByTheCaptureIsNotFedToTheStream() {
        var bytes = tcp(sequence: 7, payload: P.sip, number: 1).bytes
        bytes.removeLast(30)
        let result = P.decode(P.frame(bytes))
        #expect(result.payloads.isEmpty && result.statistics.problems[.truncated] == 1)
    }
}
