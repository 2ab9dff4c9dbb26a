import Capture
import Testing
@testable import Transport

@Suite struct TransportDecoderIPTests {
    typealias P = PacketBuilder
    let udp = P.udp(payload: P.sip)

    @Test func ipv4OptionsAreSkipped() {
        let options: [UInt8] = [0x94, 0x04, 0, 0, 1, 1, 1, 0]  // router alert, NOPs, end
        #expect(P.decode(P.frame(P.ipv4(payload: udp, options: options), linkType: .raw)).payloads.count == 1)
    }

    @Test func ethernetPaddingBeyondTotalLengthIsIgnored() throws {
        let result = P.decode(P.frame(P.ethernet(payload: P.ipv4(payload: udp) + [0, 0, 0, 0])))
        #expect(try #require(result.payloads.first).bytes == P.sip)
    }

    @Test func ipv4HeaderLengthBelowTwentyIsMalformed() {
        var packet = P.ipv4(payload: udp)
        packet[0] = 0x44
        #expect(P.decode(P.frame(packet, linkType: .raw)).statistics.problems[.malformedPacket] == 1)
    }

    @Test func ipv4TotalLengthBelowHeaderIsMalformed() {
        let result = P.decode(P.frame(P.ipv4(payload: udp, totalLength: 12), linkType: .raw))
        #expect(result.statistics.problems[.malformedPacket] == 1 && result.payloads.isEmpty)
    }

    @Test func ipv4CutShortIsTruncated() {
        let packet = Array(P.ipv4(payload: udp).prefix(60))
        let result = P.decode(P.frame(packet, linkType: .raw, number: 4))
        #expect(result.payloads.isEmpty)
        #expect(result.problems.first?.kind == .truncated && result.problems.first?.frame == 4)
    }

    @Test func ipv4LengthBeyondCaptureWithCompleteUDPStillDecodes() {
        let result = P.decode(P.frame(P.ipv4(payload: udp, totalLength: 2000), linkType: .raw))
        #expect(result.payloads.count == 1 && result.statistics.problems[.malformedPacket] == 1)
    }

    @Test func ipv4HeaderCutShort() {
        #expect(P.decode(P.frame([0x45, 0, 0, 40], linkType: .raw)).statistics.problems[.truncated] == 1)
        #expect(P.decode(P.frame(Array(P.ipv4(payload: udp, options: [1, 1, 1, 0]).prefix(22)), linkType: .raw))
            .statistics.problems[.truncated] == 1)
    }

    @Test func unknownIPVersionIsMalformed() {
        var packet = P.ipv4(payload: udp)
        packet[0] = 0x55
        #expect(P.decode(P.frame(packet, linkType: .raw)).statistics.problems[.malformedPacket] == 1)
    }

    @Test func ipv6ExtensionHeaderChainIsWalked() throws {
        // hop-by-hop (8 bytes) -> destination options (16 bytes) -> routing (8 bytes) -> UDP
        let hop: [UInt8] = [60, 0, 1, 4, 0, 0, 0, 0]
        let destination: [UInt8] = [43, 1] + [UInt8](repeating: 1, count: 14)
        let routing: [UInt8] = [17, 0, 0, 0, 0, 0, 0, 0]
        let result = P.decode(P.frame(P.ipv6(next: 0, payload: hop + destination + routing + udp), linkType: .raw))
        let payload = try #require(result.payloads.first)
        #expect(payload.flow.source.description == "[2001:db8::1]:5060")
        #expect(result.problems.isEmpty)
    }

    @Test func ipv6AuthenticationHeaderIsSkipped() {
        let ah: [UInt8] = [17, 4] + [UInt8](repeating: 0, count: 22)  // (4 + 2) * 4 = 24 bytes
        #expect(P.decode(P.frame(P.ipv6(next: 51, payload: ah + udp), linkType: .raw)).payloads.count == 1)
    }

    @Test func ipv6ExtensionHeaderOverrunningThePacketIsTruncated() {
        let hop: [UInt8] = [17, 9, 0, 0, 0, 0, 0, 0]  // claims 80 bytes
        let result = P.decode(P.frame(P.ipv6(next: 0, payload: hop), linkType: .raw))
        #expect(result.statistics.problems[.truncated] == 1)
    }

    @Test func ipv6LoopingChainIsBounded() {
        let chain = [UInt8]((0..<20).flatMap { _ in [UInt8(60), 0, 1, 4, 0, 0, 0, 0] })
        let result = P.decode(P.frame(P.ipv6(next: 60, payload: chain), linkType: .raw))
        #expect(result.statistics.problems[.malformedPacket] == 1)
    }

    @Test func ipv6NoNextHeaderEndsQuietly() {
        let result = P.decode(P.frame(P.ipv6(next: 59, payload: [1, 2, 3]), linkType: .raw))
        #expect(result.problems.isEmpty && result.payloads.isEmpty)
    }

    @Test func ipv6HeaderCutShortIsTruncated() {
        #expect(P.decode(P.frame(Array(P.ipv6(payload: udp).prefix(30)), linkType: .raw)).statistics.problems[.truncated] == 1)
    }
}
