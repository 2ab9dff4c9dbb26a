import Capture
import Foundation
import Testing
@testable import Transport

/// Bounded mutation testing over real captures: truncation, bit flips and bogus length fields must
/// never crash or hang the decoder, and its counters must agree with what it emitted and reported.
@Suite struct TransportDecoderRobustnessTests {
    /// SplitMix64: a fixed seed gives the same mutations on every run.
    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9e37_79b9_7f4a_7c15
            var z = state
            z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
            z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
            return z ^ (z >> 31)
        }
    }

    static let captures = [
        "heplify/sip_ipv4_tcp_fragmented.pcap", "heplify/sip_tcp_websocket.pcap", "heplify/sip_sctp.pcap",
        "sngrep/ipv6frag.pcap", "heplify/erspan_sip_ipv4_udp.pcapng", "nDPI/gre.pcapng", "sngrep/ipip.pcap",
        "heplify/ipip0.pcap", "suricata-verify/sip-body-large__sip-body-large.pcap", "heplify/sip_ipv4_tcp_retrans.pcap",
    ]

    func frames(_ file: String, limit: Int = 400) throws -> [Frame] {
        let directory = try #require(Corpus.directory)
        let capture = try PcapFile(path: "\(directory)/\(file)")
        var frames: [Frame] = []
        while frames.count < limit, let frame = try capture.next() { frames.append(frame) }
        return frames
    }

    func mutate(_ frame: Frame, _ random: inout SeededGenerator) -> Frame {
        var mutated = frame
        guard !mutated.bytes.isEmpty else { return mutated }
        switch Int.random(in: 0..<4, using: &random) {
        case 0:  // truncation
            mutated.bytes = Array(mutated.bytes.prefix(Int.random(in: 0..<mutated.bytes.count, using: &random)))
        case 1:  // bit flips
            for _ in 0..<Int.random(in: 1...4, using: &random) {
                let index = Int.random(in: 0..<mutated.bytes.count, using: &random)
                mutated.bytes[index] ^= 1 << UInt8.random(in: 0..<8, using: &random)
            }
        case 2:  // bogus 16-bit length somewhere in the headers (IP, UDP, TCP, SCTP, GRE all live here)
            let index = Int.random(in: 0..<min(mutated.bytes.count, 80), using: &random)
            let value: UInt16 = [0, 1, 7, 0xffff, 0x7fff, UInt16.random(in: 0...UInt16.max, using: &random)]
                .randomElement(using: &random) ?? 0
            mutated.bytes[index] = UInt8(value >> 8)
            if index + 1 < mutated.bytes.count { mutated.bytes[index + 1] = UInt8(value & 0xff) }
        default:  // a payload byte in the SIP text (Content-Length digits, start line)
            let index = Int.random(in: 0..<mutated.bytes.count, using: &random)
            mutated.bytes[index] = [0x30, 0x39, 0x0d, 0x0a, 0x20, 0x00].randomElement(using: &random) ?? 0
        }
        return mutated
    }

    @Test(.timeLimit(.minutes(1)))
    func mutatedCapturesNeverCrashHangOrMiscount() throws {
        var random = SeededGenerator(state: 20_261_127)
        let clock = ContinuousClock()
        let started = clock.now
        var rounds = 0
        for file in Self.captures {
            let original = try frames(file)
            for _ in 0..<40 {
                let mutated = original.map { frame in
                    Int.random(in: 0..<3, using: &random) == 0 ? mutate(frame, &random) : frame
                }
                var decoder = TransportDecoder()
                var emitted = 0
                var problems: [DecodeProblem] = []
                let fed = Set(mutated.map(\.number))
                for frame in mutated {
                    frame.withPacketView { packet in
                        decoder.decode(packet, emit: { payload in
                            emitted += 1
                            #expect(payload.frames.allSatisfy(fed.contains), "\(file)")
                        }, problem: { problems.append($0) })
                    }
                }
                decoder.finish(emit: { _ in emitted += 1 }, problem: { problems.append($0) })
                #expect(decoder.statistics.frames == mutated.count)
                #expect(decoder.statistics.sipMessages == emitted, "\(file)")
                #expect(decoder.statistics.problemCount == problems.count, "\(file)")
                #expect(problems.allSatisfy { fed.contains($0.frame) }, "\(file): problem frame outside the input")
                rounds += 1
            }
        }
        #expect(rounds == Self.captures.count * 40)
        #expect(clock.now - started < .seconds(50))
    }

    @Test func randomBytesOnEveryLinkTypeAreSurvived() {
        var random = SeededGenerator(state: 7)
        let linkTypes: [LinkType] = [.ethernet, .raw, .null, .loop, .linuxSLL, .linuxSLL2, .ipv4, .ipv6]
        var decoder = TransportDecoder()
        var problems = 0
        for number in 1...4000 {
            let length = Int.random(in: 0..<200, using: &random)
            var bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &random) }
            if bytes.count > 20 && number % 2 == 0 { bytes[0] = 0x45 }  // mostly-IPv4 to go deeper
            let frame = Frame(number: number, time: CaptureTime(seconds: Int64(number), nanoseconds: 0),
                              linkType: linkTypes[number % linkTypes.count], bytes: bytes)
            decoder.decode(frame, emit: { _ in })
            problems += decoder.drainProblems().count
        }
        decoder.finish(emit: { _ in })
        problems += decoder.drainProblems().count
        #expect(decoder.statistics.frames == 4000)
        #expect(decoder.statistics.problemCount == problems)
    }
}
