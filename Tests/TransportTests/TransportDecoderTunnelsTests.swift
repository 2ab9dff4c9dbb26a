import Capture
import Testing
@testable import Transport

@Suite struct TransportDecoderTunnelsTests {
    typealias P = PacketBuilder
    let inner = P.ipv4(source: [127, 0, 1, 20], destination: [127, 0, 1, 21], payload: P.udp(payload: P.sip))

    func outer(_ protocolNumber: UInt8, _ payload: [UInt8]) -> Frame {
        P.frame(P.ethernet(payload: P.ipv4(protocolNumber: protocolNumber, payload: payload)))
    }

    @Test func ipInIPUsesTheInnerAddresses() throws {
        let payload = try #require(P.decode(outer(4, inner)).payloads.first)
        #expect(payload.flow.source.description == "127.0.1.20:5060")
    }

    @Test func ipv6InIPv4() {
        #expect(P.decode(outer(41, P.ipv6(payload: P.udp(payload: P.sip)))).payloads.count == 1)
    }

    @Test func greWithKeyAndSequenceCarriesIP() {
        let gre: [UInt8] = [0x30, 0x00, 0x08, 0x00, 0, 0, 0, 7, 0, 0, 0, 1]
        #expect(P.decode(outer(47, gre + inner)).payloads.count == 1)
    }

    @Test func greTransparentEthernetBridging() {
        let gre: [UInt8] = [0x00, 0x00, 0x65, 0x58]
        #expect(P.decode(outer(47, gre + P.ethernet(payload: inner))).payloads.count == 1)
    }

    @Test func erspanTypeI() {
        #expect(P.decode(outer(47, [0x00, 0x00, 0x88, 0xbe] + P.ethernet(payload: inner))).payloads.count == 1)
    }

    @Test func erspanTypeII() {
        let gre: [UInt8] = [0x10, 0x00, 0x88, 0xbe, 0, 0, 0, 1]
        let erspan: [UInt8] = [0x10, 0x01, 0x00, 0x05, 0, 0, 0, 0]
        #expect(P.decode(outer(47, gre + erspan + P.ethernet(payload: inner))).payloads.count == 1)
    }

    @Test func erspanTypeIIIWithAndWithoutPlatformSubheader() {
        let gre: [UInt8] = [0x10, 0x00, 0x22, 0xeb, 0, 0, 0, 1]
        let plain: [UInt8] = [0x20, 0x01, 0x00, 0x05, 0, 0, 0, 0, 0, 0, 0, 0]
        let withSubheader: [UInt8] = [0x20, 0x01, 0x00, 0x05, 0, 0, 0, 0, 0, 0, 0, 1] + [UInt8](repeating: 0, count: 8)
        #expect(P.decode(outer(47, gre + plain + P.ethernet(payload: inner))).payloads.count == 1)
        #expect(P.decode(outer(47, gre + withSubheader + P.ethernet(payload: inner))).payloads.count == 1)
    }

    @Test func pptpEnhancedGREWithPPP() {
        let gre: [UInt8] = [0x30, 0x81, 0x88, 0x0b, 0, 60, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1]
        #expect(P.decode(outer(47, gre + [0xff, 0x03, 0x00, 0x21] + inner)).payloads.count == 1)
        #expect(P.decode(outer(47, gre + [0x21] + inner)).payloads.count == 1)
    }

    @Test func vxlan() {
        let vxlan: [UInt8] = [0x08, 0, 0, 0, 0, 0, 1, 0]
        let udp = P.udp(source: 40000, destination: 4789, payload: vxlan + P.ethernet(payload: inner))
        #expect(P.decode(outer(17, udp)).payloads.count == 1)
    }

    @Test func greCutShortAndUnknownVersion() {
        #expect(P.decode(outer(47, [0x30, 0x00])).statistics.problems[.truncated] == 1)
        #expect(P.decode(outer(47, [0x30, 0x00, 0x08, 0x00, 0, 0])).statistics.problems[.truncated] == 1)
        #expect(P.decode(outer(47, [0x00, 0x03, 0x08, 0x00] + inner)).statistics.problems[.malformedPacket] == 1)
        #expect(P.decode(outer(47, [0x10, 0x00, 0x22, 0xeb, 0, 0, 0, 1, 0x20])).statistics.problems[.truncated] == 1)
    }

    @Test func nestingIsBounded() {
        var packet = inner
        for _ in 0..<12 { packet = P.ipv4(protocolNumber: 4, payload: packet) }
        let result = P.decode(P.frame(packet, linkType: .raw))
        #expect(result.payloads.isEmpty && result.statistics.problems[.malformedPacket] == 1)
    }
}
