import Capture
import Testing
@testable import Transport

@Suite struct TransportDecoderSCTPTests {
    typealias P = PacketBuilder

    func chunk(type: UInt8 = 0, flags: UInt8 = 0x03, stream: Int = 0, ppid: UInt32 = 0, data: [UInt8]) -> [UInt8] {
        let body = P.be32(1) + P.be16(stream) + P.be16(0) + P.be32(ppid) + data
        let length = 4 + body.count
        return [type, flags] + P.be16(length) + body + [UInt8](repeating: 0, count: (4 - length % 4) % 4)
    }

    func sctp(_ chunks: [UInt8], number: Int = 1) -> Frame {
        let common = P.be16(5060) + P.be16(5060) + P.be32(0xdead) + P.be32(0)
        return P.frame(P.ipv4(protocolNumber: 132, payload: common + chunks), linkType: .raw, number: number)
    }

    @Test func dataChunkCarriesSIP() throws {
        let sack: [UInt8] = [3, 0, 0, 16] + [UInt8](repeating: 0, count: 12)
        let payload = try #require(P.decode(sctp(sack + chunk(data: P.sip))).payloads.first)
        #expect(payload.flow.transport == .sctp && payload.bytes == P.sip)
    }

    @Test func twoDataChunksInOnePacket() {
        #expect(P.decode(sctp(chunk(data: P.sip) + chunk(stream: 1, data: P.sip))).payloads.count == 2)
    }

    @Test func fragmentedUserMessageIsRebuilt() throws {
        let first = sctp(chunk(flags: 0x02, data: Array(P.sip[0..<30])), number: 1)
        let middle = sctp(chunk(flags: 0x00, data: Array(P.sip[30..<60])), number: 2)
        let last = sctp(chunk(flags: 0x01, data: Array(P.sip[60...])), number: 3)
        let payload = try #require(P.decode([first, middle, last]).payloads.first)
        #expect(payload.bytes == P.sip && payload.frames == [1, 2, 3])
    }

    @Test func fragmentWithoutBeginningIsMalformed() {
        let result = P.decode(sctp(chunk(flags: 0x01, data: P.sip)))
        #expect(result.statistics.problems[.malformedSCTP] == 1 && result.payloads.isEmpty)
    }

    @Test func unfinishedMessageIsReportedAtTheEnd() {
        #expect(P.decode(sctp(chunk(flags: 0x02, data: P.sip))).statistics.problems[.malformedSCTP] == 1)
    }

    @Test func chunkLengthBelowFourIsMalformed() {
        #expect(P.decode(sctp([0, 3, 0, 2])).statistics.problems[.malformedSCTP] == 1)
    }

    @Test func shortDataChunkIsMalformed() {
        #expect(P.decode(sctp([0, 3, 0, 8, 0, 0, 0, 1])).statistics.problems[.malformedSCTP] == 1)
    }

    @Test func chunkOverrunningThePacketIsTruncated() {
        #expect(P.decode(sctp(Array(chunk(data: P.sip).prefix(40)))).statistics.problems[.truncated] == 1)
    }

    @Test func userMessageLimitIsCounted() {
        var limits = TransportDecoder.Limits()
        limits.maxSCTPMessageBytes = 40
        let first = sctp(chunk(flags: 0x02, data: Array(P.sip[0..<30])), number: 1)
        let last = sctp(chunk(flags: 0x01, data: Array(P.sip[30...])), number: 2)
        #expect(P.decode([first, last], limits: limits).statistics.problems[.bufferLimit] == 1)
    }
}
