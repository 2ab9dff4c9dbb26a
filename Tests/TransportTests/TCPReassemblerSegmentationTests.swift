import Capture
import Foundation
import Testing
@testable import Transport

/// Bounded fuzz-style checks: a conversation of real SIP messages (the corpus's valid vectors),
/// cut into random segments, reordered, duplicated and carried across the 32-bit sequence wrap,
/// must come out as exactly the same messages every time.
@Suite struct TCPReassemblerSegmentationTests {
    /// The corpus sits next to the repository (`../shared/corpus`, see HELPERS.md / corpus README).
    static let corpus: URL? = {
        var directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        for _ in 0..<5 {
            directory.deleteLastPathComponent()
            let candidate = directory.appendingPathComponent("shared/corpus/messages")
            if FileManager.default.fileExists(atPath: candidate.path) { return candidate }
        }
        return nil
    }()

    /// The valid vectors whose Content-Length frames exactly the whole file on a stream.
    static let conversation: [[UInt8]] = {
        guard let corpus, let manifest = try? String(contentsOf: corpus.appendingPathComponent("MANIFEST.tsv"), encoding: .utf8)
        else { return [] }
        var messages: [[UInt8]] = []
        for line in manifest.split(separator: "\n").dropFirst() {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count > 4, fields[4] == "valid",
                  let data = FileManager.default.contents(atPath: corpus.appendingPathComponent(String(fields[0])).path)
            else { continue }
            let bytes = [UInt8](data)
            var harness = FramerHarness()
            harness.append(bytes)
            harness.finish()
            if harness.messages == [bytes], harness.problems.isEmpty { messages.append(bytes) }
        }
        return messages
    }()

    /// SplitMix64: a fixed-seed generator so every run tests the same cases.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9e37_79b9_7f4a_7c15
            var value = state
            value = (value ^ (value >> 30)) &* 0xbf58_476d_1ce4_e5b9
            value = (value ^ (value >> 27)) &* 0x94d0_49bb_1331_11eb
            return value ^ (value >> 31)
        }
    }

    /// The stream: messages with CRLF keep-alives now and then.
    private static func stream(_ random: inout Generator) -> [UInt8] { streamWithRanges(&random).bytes }

    /// The stream and where each message lies in it.
    private static func streamWithRanges(_ random: inout Generator) -> (bytes: [UInt8], ranges: [Range<Int>]) {
        var bytes: [UInt8] = []
        var ranges: [Range<Int>] = []
        for message in conversation {
            if Int.random(in: 0..<8, using: &random) == 0 { bytes += Array("\r\n\r\n".utf8) }
            ranges.append(bytes.count..<(bytes.count + message.count))
            bytes += message
        }
        return (bytes, ranges)
    }

    /// Random cuts, local reordering, duplicates and overlapping retransmissions of `bytes`.
    private static func segments(of bytes: [UInt8], _ random: inout Generator) -> [(offset: Int, bytes: ArraySlice<UInt8>)] {
        var cuts: [(Int, ArraySlice<UInt8>)] = []
        var offset = 0
        while offset < bytes.count {
            let size = Int.random(in: 0..<4, using: &random) == 0 ? Int.random(in: 1...20, using: &random)
                : Int.random(in: 1...1460, using: &random)
            let end = min(bytes.count, offset + size)
            cuts.append((offset, bytes[offset..<end]))
            offset = end
        }
        var sent: [(offset: Int, bytes: ArraySlice<UInt8>)] = []
        var index = 0
        while index < cuts.count {
            // Swap neighbours within a small window, as a network reorders.
            let window = min(cuts.count - index, Int.random(in: 1...4, using: &random))
            sent += cuts[index..<(index + window)].shuffled(using: &random).map { (offset: $0.0, bytes: $0.1) }
            index += window
            if Int.random(in: 0..<10, using: &random) == 0, let last = sent.last {
                sent.append(last)  // plain retransmission
            }
            if Int.random(in: 0..<12, using: &random) == 0, index < cuts.count {
                // Retransmission re-segmented across a boundary (same bytes, different edges).
                let start = max(0, cuts[index].0 - Int.random(in: 0...50, using: &random))
                let end = min(bytes.count, cuts[index].0 + Int.random(in: 1...50, using: &random))
                sent.append((offset: start, bytes: bytes[start..<end]))
            }
        }
        return sent
    }

    @Test(.enabled(if: corpus != nil), arguments: 0..<24)
    func sameMessagesWhateverTheSegmentation(_ seed: Int) throws {
        #expect(Self.conversation.count >= 30)
        var random = Generator(state: UInt64(seed) &* 7919)
        let bytes = Self.stream(&random)
        let initial: UInt32 = seed % 3 == 0 ? UInt32.max - UInt32(Int.random(in: 0..<3000, using: &random))
            : UInt32.random(in: 0...UInt32.max, using: &random)
        var harness = ReassemblyHarness()
        harness.send([], sequence: initial, flags: [.syn], at: 0)
        for (number, segment) in Self.segments(of: bytes, &random).enumerated() {
            harness.send(Array(segment.bytes), sequence: initial &+ 1 &+ UInt32(segment.offset), at: Double(number + 1) / 1000)
        }
        harness.finish()
        #expect(harness.messages == Self.conversation)
        #expect(harness.problems.isEmpty, "\(harness.problems.prefix(3))")
        for payload in harness.payloads {
            #expect(!payload.frames.isEmpty && Array(payload.frames) == payload.frames.sorted() && Set(payload.frames).count == payload.frames.count)
            #expect(payload.time == StreamFixture.time(Double(payload.frame - 1) / 1000))
        }
    }

    @Test(.enabled(if: corpus != nil), arguments: 0..<8)
    func sameMessagesOverRandomlyFragmentedWebSocket(_ seed: Int) {
        var random = Generator(state: 0xabc + UInt64(seed))
        var bytes = WebSocketFixture.clientHandshake
        for message in Self.conversation {
            var start = 0
            var first = true
            while start < message.count {
                let end = min(message.count, start + Int.random(in: 1...400, using: &random))
                let mask = (0..<4).map { _ in UInt8.random(in: 0...255, using: &random) }
                bytes += WebSocketFixture.frame(Array(message[start..<end]), opcode: first ? 0x1 : 0x0,
                                                final: end == message.count, mask: mask)
                if Int.random(in: 0..<6, using: &random) == 0 {
                    bytes += WebSocketFixture.frame(Array("ping".utf8), opcode: 0x9, mask: mask)
                }
                first = false
                start = end
            }
        }
        var harness = ReassemblyHarness()
        harness.send([], sequence: 7, flags: [.syn], at: 0)
        for (number, segment) in Self.segments(of: bytes, &random).enumerated() {
            harness.send(Array(segment.bytes), sequence: 8 &+ UInt32(segment.offset), at: Double(number + 1) / 1000)
        }
        harness.finish()
        #expect(harness.messages == Self.conversation)
        #expect(harness.payloads.allSatisfy { $0.flow.transport == .ws })
        #expect(harness.problems.isEmpty, "\(harness.problems.prefix(3))")
    }

    @Test(.enabled(if: corpus != nil), arguments: 0..<12)
    func lostSegmentsCostOnlyTheMessagesTheyHit(_ seed: Int) {
        var random = Generator(state: 0x5eed + UInt64(seed))
        let (bytes, ranges) = Self.streamWithRanges(&random)
        var segments = Self.segments(of: bytes, &random)
        // Lose up to three segments for good (never captured, never retransmitted).
        var lost: [Range<Int>] = []
        for _ in 0..<Int.random(in: 1...3, using: &random) {
            let victim = segments.remove(at: Int.random(in: 0..<segments.count, using: &random))
            lost.append(victim.offset..<(victim.offset + victim.bytes.count))
        }
        var harness = ReassemblyHarness()
        harness.send([], sequence: 1000, flags: [.syn], at: 0)
        for (number, segment) in segments.enumerated() {
            harness.send(Array(segment.bytes), sequence: 1001 &+ UInt32(segment.offset), at: Double(number + 1) / 1000)
        }
        harness.finish()
        // Retransmitted copies may still cover a lost segment's bytes.
        let missing = lost.filter { hole in !segments.contains { $0.offset <= hole.lowerBound && $0.offset + $0.bytes.count >= hole.upperBound } }
        // A loss destroys the messages it hits, and at most one more while resynchronising.
        let untouched = zip(Self.conversation, ranges).filter { _, range in !missing.contains { $0.overlaps(range) } }.map(\.0)
        let known = Set(Self.conversation)
        let intact = harness.messages.filter { known.contains($0) }
        #expect(intact.count >= untouched.count - missing.count)
        #expect(Set(untouched).subtracting(intact).count <= missing.count)
        #expect(harness.messages.count <= Self.conversation.count)
        #expect(harness.count(.tcpGap) <= lost.count)
    }
}

extension TCPReassemblerSegmentationTests {
    /// Crafted input: random flags, sequence numbers, ports and bytes (some of them SIP, WebSocket
    /// or garbage). Nothing may crash or hang, and what is held stays within the limits.
    @Test(arguments: 0..<6)
    func craftedSegmentsStayWithinTheLimits(_ seed: Int) {
        var random = Generator(state: 0xbad + UInt64(seed))
        let limits = TCPReassembler.Limits(maxBufferedBytesPerDirection: 8192, maxOutOfOrderSegments: 16, maxStreams: 8,
                                           framing: .init(maxHeaderBytes: 2048, maxBodyBytes: 4096,
                                                          maxWebSocketMessageBytes: 4096, maxUnconfirmedBytes: 8192))
        var harness = ReassemblyHarness(limits: limits)
        let pieces: [[UInt8]] = [StreamFixture.request(body: "x"), StreamFixture.response(),
                                 WebSocketFixture.clientHandshake, WebSocketFixture.frame(StreamFixture.request()),
                                 Array("Content-Length: 99999999\r\n\r\n".utf8), Array("\r\n\r\n".utf8),
                                 WebSocketFixture.frame([], firstByte: 0x8f)]
        var sequences: [UInt32] = (0..<4).map { _ in UInt32.random(in: 0...UInt32.max, using: &random) }
        for step in 0..<1500 {
            var bytes: [UInt8]
            if Bool.random(using: &random) {
                bytes = pieces[Int.random(in: 0..<pieces.count, using: &random)]
                if Bool.random(using: &random) { bytes = Array(bytes.prefix(Int.random(in: 0...bytes.count, using: &random))) }
            } else {
                bytes = (0..<Int.random(in: 0..<300, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }
            }
            let lane = Int.random(in: 0..<4, using: &random)
            let port = UInt16(16_100 + Int.random(in: 0..<12, using: &random))
            let flow = Flow(source: Endpoint(address: .v4(0x7f00_0205), port: port), destination: StreamFixture.server,
                            transport: .tcp)
            let flags = TCPFlags(rawValue: UInt8.random(in: 0...0x1f, using: &random))
            let sequence = Int.random(in: 0..<5, using: &random) == 0 ? UInt32.random(in: 0...UInt32.max, using: &random)
                : sequences[lane]
            harness.send(bytes, sequence: sequence, flow: Bool.random(using: &random) ? flow : flow.reversed, flags: flags,
                         acknowledgment: UInt32.random(in: 0...UInt32.max, using: &random), at: Double(step) / 10)
            sequences[lane] = sequence &+ UInt32(bytes.count)
            #expect(harness.reassembler.connectionCount <= limits.maxStreams)
        }
        harness.finish()
        #expect(harness.reassembler.connectionCount == 0)
        #expect(harness.payloads.allSatisfy { !$0.frames.isEmpty && $0.bytes.count <= 2048 + 4096 })
    }
}
