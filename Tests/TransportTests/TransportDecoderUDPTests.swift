import Capture
import Testing
@testable import Transport

@Suite struct TransportDecoderUDPTests {
    typealias P = PacketBuilder

    func udpFrame(_ udp: [UInt8], number: Int = 1) -> Frame { P.frame(P.ipv4(payload: udp), linkType: .raw, number: number) }

    @Test(arguments: [6060, 5260, 40000])
    func sipIsRecognisedOnAnyPort(_ port: Int) throws {
        let payload = try #require(P.decode(udpFrame(P.udp(source: port, destination: port, payload: P.sip))).payloads.first)
        #expect(payload.flow.source.port == UInt16(port))
    }

    @Test func responsesAreSIPToo() {
        #expect(P.decode(udpFrame(P.udp(payload: Array("SIP/2.0 200 OK\r\nContent-Length: 0\r\n\r\n".utf8)))).payloads.count == 1)
    }

    @Test(arguments: ["\r\n\r\n", "\r\n", "jaK\0", "hello\0"])
    func keepAlivesAreCountedNotDecoded(_ text: String) {
        let result = P.decode(udpFrame(P.udp(payload: Array(text.utf8))))
        #expect(result.payloads.isEmpty && result.problems.isEmpty && result.statistics.keepAlives == 1)
    }

    @Test func otherUDPIsIgnoredQuietly() {
        let rtp: [UInt8] = [0x80, 0x00] + [UInt8](repeating: 7, count: 170)
        let result = P.decode(udpFrame(P.udp(source: 16000, destination: 16002, payload: rtp)))
        #expect(result.payloads.isEmpty && result.problems.isEmpty)
    }

    @Test func textThatIsNotSIPOnTheSIPPortIsMalformedSIP() {
        let result = P.decode(udpFrame(P.udp(payload: Array("INVITE sip:bob@example.com SIP/3.0\r\n\r\n".utf8)), number: 5))
        #expect(result.problems.map(\.kind) == [.malformedSIP] && result.problems.first?.frame == 5)
    }

    @Test func udpLengthBelowEightIsMalformed() {
        #expect(P.decode(udpFrame(P.udp(payload: P.sip, length: 4))).statistics.problems[.malformedPacket] == 1)
    }

    @Test func udpLengthBeyondTheDatagramIsTruncated() {
        let result = P.decode(udpFrame(P.udp(payload: P.sip, length: 900)))
        #expect(result.statistics.problems[.truncated] == 1 && result.payloads.isEmpty)
    }

    @Test func udpHeaderCutShort() {
        #expect(P.decode(udpFrame([0x13, 0xc4, 0x13])).statistics.problems[.truncated] == 1)
    }

    @Test func decodeOwnedFrameKeepsProblemsForDraining() {
        var decoder = TransportDecoder()
        decoder.decode(udpFrame(P.udp(payload: P.sip, length: 4), number: 9), emit: { _ in })
        let problems = decoder.drainProblems()
        #expect(problems.map(\.frame) == [9] && decoder.drainProblems().isEmpty)
        #expect(decoder.statistics.problems[.malformedPacket] == 1)
    }
}
