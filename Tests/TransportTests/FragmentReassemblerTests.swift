import Capture
import Testing
@testable import Transport

@Suite struct FragmentReassemblerTests {
    typealias P = PacketBuilder
    /// A UDP datagram big enough to split: SIP with a long body.
    let datagram = P.udp(payload: P.sip.dropLast(2) + Array("\r\nX-Pad: \(String(repeating: "a", count: 300))\r\n\r\n".utf8))

    func v4Fragments(_ bytes: [UInt8], cuts: [Int], identification: Int = 9) -> [[UInt8]] {
        var pieces: [[UInt8]] = []
        var start = 0
        for (index, end) in (cuts + [bytes.count]).enumerated() {
            pieces.append(P.ipv4(payload: Array(bytes[start..<end]), identification: identification, fragmentOffset: start,
                                 moreFragments: index < cuts.count))
            start = end
        }
        return pieces
    }

    @Test func ipv4FragmentsOutOfOrderReassemble() throws {
        let pieces = v4Fragments(datagram, cuts: [8, 160])
        let frames = [pieces[2], pieces[0], pieces[1]].enumerated().map { P.frame($1, linkType: .raw, number: $0 + 1) }
        let result = P.decode(frames)
        let payload = try #require(result.payloads.first)
        #expect(payload.bytes == Array(datagram.dropFirst(8)))
        #expect(payload.frames == [1, 2, 3])
        #expect(result.statistics.reassembledDatagrams == 1 && result.problems.isEmpty)
    }

    // The reassembler keeps the latest datagram out of its table: interleaved datagrams must swap
    // in and out of it without losing or mixing fragments.
    @Test func interleavedDatagramsReassembleSeparately() {
        let other = P.udp(payload: P.sip + [UInt8](repeating: 0x61, count: 100))
        let a = v4Fragments(datagram, cuts: [80, 160], identification: 1)
        let b = v4Fragments(other, cuts: [80], identification: 2)
        let order = [a[0], b[0], a[1], b[1], a[2]]
        let frames = order.enumerated().map { P.frame($1, linkType: .raw, number: $0 + 1) }
        let result = P.decode(frames)
        #expect(result.statistics.reassembledDatagrams == 2 && result.problems.isEmpty)
        #expect(result.payloads.map(\.frames) == [[2, 4], [1, 3, 5]])
        #expect(result.payloads.map(\.bytes) == [Array(other.dropFirst(8)), Array(datagram.dropFirst(8))])
    }

    @Test func ipv6FragmentsReassemble() throws {
        let first = P.ipv6(next: 44, payload: P.ipv6Fragment(offset: 0, more: true, identification: 77, data: Array(datagram[0..<200])))
        let last = P.ipv6(next: 44, payload: P.ipv6Fragment(offset: 200, more: false, identification: 77, data: Array(datagram[200...])))
        let result = P.decode([P.frame(first, linkType: .raw, number: 1), P.frame(last, linkType: .raw, number: 2)])
        let payload = try #require(result.payloads.first)
        #expect(payload.flow.transport == .udp && payload.frames == [1, 2])
        #expect(payload.bytes == Array(datagram.dropFirst(8)))
    }

    @Test func ipv6AtomicFragmentIsNotReassembled() {
        let atomic = P.ipv6(next: 44, payload: P.ipv6Fragment(offset: 0, more: false, identification: 5, data: datagram))
        let result = P.decode(P.frame(atomic, linkType: .raw))
        #expect(result.payloads.count == 1 && result.statistics.reassembledDatagrams == 0)
    }

    @Test func duplicateFragmentsAreCountedNotProblems() {
        let pieces = v4Fragments(datagram, cuts: [160])
        let result = P.decode([pieces[0], pieces[0], pieces[1]].map { P.frame($0, linkType: .raw) })
        #expect(result.payloads.count == 1 && result.statistics.duplicateFragments == 1 && result.problems.isEmpty)
    }

    @Test func overlapWithDifferentBytesKeepsTheFirstAndIsCounted() throws {
        let pieces = v4Fragments(datagram, cuts: [160])
        var altered = Array(datagram[96..<200])
        altered[0] ^= 0xff  // byte 96 differs from what the first fragment carried
        let overlap = P.ipv4(payload: altered, identification: 9, fragmentOffset: 96, moreFragments: true)
        let result = P.decode([pieces[0], overlap, pieces[1]].enumerated().map { P.frame($1, linkType: .raw, number: $0 + 1) })
        let payload = try #require(result.payloads.first)
        #expect(payload.bytes == Array(datagram.dropFirst(8)))  // first arrival won
        #expect(result.problems.map(\.kind) == [.overlappingFragments] && result.problems.first?.frame == 2)
    }

    @Test func incompleteDatagramTimesOutInCaptureTime() {
        let pieces = v4Fragments(datagram, cuts: [160])
        let late = P.ipv4(payload: P.udp(payload: P.sip))
        let result = P.decode([P.frame(pieces[0], linkType: .raw, number: 1, seconds: 100),
                               P.frame(late, linkType: .raw, number: 2, seconds: 131),
                               P.frame(pieces[1], linkType: .raw, number: 3, seconds: 132)])
        #expect(result.statistics.problems[.fragmentTimeout] == 2)  // the expired one, then the orphan at the end
        #expect(result.problems.first?.frame == 1)
        #expect(result.payloads.count == 1)
    }

    @Test func pendingDatagramLimitDropsAndCounts() {
        var limits = TransportDecoder.Limits()
        limits.fragments.maxPendingDatagrams = 2
        let frames = (1...3).map { id in
            P.frame(P.ipv4(payload: Array(datagram[0..<64]), identification: id, moreFragments: true), linkType: .raw, number: id)
        }
        let result = P.decode(frames, limits: limits)
        #expect(result.statistics.problems[.bufferLimit] == 1 && result.problems.first?.frame == 3)
    }

    @Test func fragmentBeyondMaximumDatagramIsMalformed() {
        let far = P.ipv4(payload: [UInt8](repeating: 0, count: 64), fragmentOffset: 65_528, moreFragments: false)
        #expect(P.decode(P.frame(far, linkType: .raw)).statistics.problems[.malformedPacket] == 1)
    }

    @Test func inconsistentLastFragmentsAreMalformed() {
        let a = P.ipv4(payload: [UInt8](repeating: 0, count: 64), identification: 3, fragmentOffset: 64, moreFragments: false)
        let b = P.ipv4(payload: [UInt8](repeating: 0, count: 96), identification: 3, fragmentOffset: 64, moreFragments: false)
        let result = P.decode([P.frame(a, linkType: .raw, number: 1), P.frame(b, linkType: .raw, number: 2)])
        #expect(result.statistics.problems[.malformedPacket] == 1 && result.problems.first?.frame == 2)
    }

    @Test func fragmentsOfDifferentFilesDoNotMix() {
        let pieces = v4Fragments(datagram, cuts: [160])
        var second = P.frame(pieces[1], linkType: .raw, number: 2)
        second.fileIndex = 1
        let result = P.decode([P.frame(pieces[0], linkType: .raw), second])
        #expect(result.payloads.isEmpty && result.statistics.problems[.fragmentTimeout] == 2)
    }
}
