import Capture
import Testing
@testable import Transport

@Suite struct TransportDecoderLinkLayerTests {
    typealias P = PacketBuilder
    let ip = P.ipv4(payload: P.udp(payload: P.sip))

    @Test func ethernetCarriesSIPWithItsFlow() throws {
        let result = P.decode(P.frame(P.ethernet(payload: ip), number: 7))
        let payload = try #require(result.payloads.first)
        #expect(payload.bytes == P.sip)
        #expect(payload.flow.description == "127.0.1.1:5060 -> 127.0.1.2:5060/udp")
        #expect(payload.frames == [7])
        #expect(result.statistics.sipPayloads[.udp] == 1 && result.problems.isEmpty)
    }

    @Test(arguments: [[0x8100], [0x88a8, 0x8100], [0x9100, 0x8100]])
    func vlanAndQinQTagsAreUnwrapped(_ tags: [Int]) {
        #expect(P.decode(P.frame(P.ethernet(payload: ip, tags: tags))).payloads.count == 1)
    }

    @Test func mplsLabelStackIsUnwrapped() {
        let labels: [UInt8] = [0, 1, 0, 64, 0, 2, 1, 64]  // two labels, the second bottom-of-stack
        #expect(P.decode(P.frame(P.ethernet(type: 0x8847, payload: labels + ip))).payloads.count == 1)
    }

    @Test func linuxCookedV1AndV2() {
        let sll: [UInt8] = [0, 0, 0, 1, 0, 6, 1, 2, 3, 4, 5, 6, 0, 0] + P.be16(0x0800)
        #expect(P.decode(P.frame(sll + ip, linkType: .linuxSLL)).payloads.count == 1)
        let sll2: [UInt8] = P.be16(0x0800) + [0, 0, 0, 0, 0, 1, 0, 1, 0, 6] + [UInt8](repeating: 0, count: 8)
        #expect(P.decode(P.frame(sll2 + ip, linkType: .linuxSLL2)).payloads.count == 1)
    }

    @Test func bsdLoopbackInBothByteOrdersAndIPv6Families() {
        #expect(P.decode(P.frame([2, 0, 0, 0] + ip, linkType: .null)).payloads.count == 1)
        #expect(P.decode(P.frame([0, 0, 0, 2] + ip, linkType: .null)).payloads.count == 1)
        #expect(P.decode(P.frame([0, 0, 0, 2] + ip, linkType: .loop)).payloads.count == 1)
        let v6 = P.ipv6(payload: P.udp(payload: P.sip))
        for family: UInt8 in [24, 28, 30] {
            #expect(P.decode(P.frame([family, 0, 0, 0] + v6, linkType: .null)).payloads.count == 1)
        }
    }

    @Test(arguments: [LinkType.raw, .rawBSD, .rawOpenBSD, .ipv4])
    func rawIPLinkTypes(_ linkType: LinkType) {
        #expect(P.decode(P.frame(ip, linkType: linkType)).payloads.count == 1)
    }

    @Test func rawIPv6LinkType() {
        #expect(P.decode(P.frame(P.ipv6(payload: P.udp(payload: P.sip)), linkType: .ipv6)).payloads.count == 1)
    }

    @Test func unsupportedLinkTypeIsCountedWithItsFrame() {
        let result = P.decode(P.frame(ip, linkType: LinkType(rawValue: 147), number: 3))
        #expect(result.payloads.isEmpty)
        #expect(result.problems.map(\.kind) == [.unsupportedLinkType] && result.problems.first?.frame == 3)
    }

    @Test(arguments: [LinkType.ethernet, .linuxSLL, .linuxSLL2, .null])
    func shortLinkHeadersAreTruncated(_ linkType: LinkType) {
        let result = P.decode(P.frame([1, 2, 3], linkType: linkType))
        #expect(result.statistics.problems[.truncated] == 1)
    }

    @Test func nonIPFramesAreCountedNotProblems() {
        let arp = P.decode(P.frame(P.ethernet(type: 0x0806, payload: [UInt8](repeating: 0, count: 28))))
        #expect(arp.statistics.nonIPFrames == 1 && arp.problems.isEmpty)
    }

    @Test func tooManyVLANTagsIsMalformed() {
        let result = P.decode(P.frame(P.ethernet(payload: ip, tags: Array(repeating: 0x8100, count: 9))))
        #expect(result.statistics.problems[.malformedPacket] == 1)
    }

    @Test func announcedVersionMustMatch() {
        let result = P.decode(P.frame(P.ethernet(type: 0x86dd, payload: ip)))
        #expect(result.statistics.problems[.malformedPacket] == 1 && result.payloads.isEmpty)
    }
}
