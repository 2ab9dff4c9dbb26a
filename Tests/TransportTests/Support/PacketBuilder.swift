import Capture
@testable import Transport

/// Builds packets byte by byte for the decoder tests, so each test states exactly what is on the wire.
enum PacketBuilder {
    static func be16(_ value: Int) -> [UInt8] { [UInt8(value >> 8 & 0xff), UInt8(value & 0xff)] }
    static func be32(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8(value >> 16 & 0xff), UInt8(value >> 8 & 0xff), UInt8(value & 0xff)]
    }

    static let sip = Array("OPTIONS sip:bob@127.0.1.2 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.1.1:5060;branch=z9hG4bK1\r\nContent-Length: 0\r\n\r\n".utf8)

    static func udp(source: Int = 5060, destination: Int = 5060, payload: [UInt8], length: Int? = nil) -> [UInt8] {
        be16(source) + be16(destination) + be16(length ?? payload.count + 8) + [0, 0] + payload
    }

    static func ipv4(protocolNumber: UInt8 = 17, source: [UInt8] = [127, 0, 1, 1], destination: [UInt8] = [127, 0, 1, 2],
                     payload: [UInt8], identification: Int = 1, fragmentOffset: Int = 0, moreFragments: Bool = false,
                     options: [UInt8] = [], totalLength: Int? = nil) -> [UInt8] {
        let headerLength = 20 + options.count
        let flags = (moreFragments ? 0x2000 : 0) | fragmentOffset / 8
        return [UInt8(0x40 | headerLength / 4), 0] + be16(totalLength ?? headerLength + payload.count)
            + be16(identification) + be16(flags) + [64, protocolNumber, 0, 0] + source + destination + options + payload
    }

    static let v6Source: [UInt8] = [0x20, 0x01, 0x0d, 0xb8] + [UInt8](repeating: 0, count: 11) + [1]
    static let v6Destination: [UInt8] = [0x20, 0x01, 0x0d, 0xb8] + [UInt8](repeating: 0, count: 11) + [2]

    static func ipv6(next: UInt8 = 17, payload: [UInt8], payloadLength: Int? = nil) -> [UInt8] {
        [0x60, 0, 0, 0] + be16(payloadLength ?? payload.count) + [next, 64] + v6Source + v6Destination + payload
    }

    /// An IPv6 fragment header (RFC 8200 4.5) followed by the fragment's bytes.
    static func ipv6Fragment(next: UInt8 = 17, offset: Int, more: Bool, identification: UInt32, data: [UInt8]) -> [UInt8] {
        [next, 0] + be16(offset | (more ? 1 : 0)) + be32(identification) + data
    }

    static func ethernet(type: Int = 0x0800, payload: [UInt8], tags: [Int] = []) -> [UInt8] {
        var bytes: [UInt8] = [2, 0, 0, 0, 0, 2, 2, 0, 0, 0, 0, 1]
        for tag in tags { bytes += be16(tag) + [0, 10] }
        return bytes + be16(type) + payload
    }

    static func frame(_ bytes: [UInt8], linkType: LinkType = .ethernet, number: Int = 1, seconds: Int64 = 1_000) -> Frame {
        Frame(number: number, time: CaptureTime(seconds: seconds, nanoseconds: 0), linkType: linkType, bytes: bytes)
    }

    /// Decodes frames in order and returns what came out.
    static func decode(_ frames: [Frame], limits: TransportDecoder.Limits = .default)
        -> (payloads: [SIPPayload], problems: [DecodeProblem], statistics: DecodeStatistics) {
        var decoder = TransportDecoder(limits: limits)
        var payloads: [SIPPayload] = []
        var problems: [DecodeProblem] = []
        for frame in frames {
            frame.withPacketView { decoder.decode($0, emit: { payloads.append($0) }, problem: { problems.append($0) }) }
        }
        decoder.finish(emit: { payloads.append($0) }, problem: { problems.append($0) })
        return (payloads, problems, decoder.statistics)
    }

    static func decode(_ frame: Frame) -> (payloads: [SIPPayload], problems: [DecodeProblem], statistics: DecodeStatistics) {
        decode([frame])
    }
}
