import Foundation
import Testing
@testable import Capture

@Suite struct PcapFileTests {
    typealias W = CaptureFileWriter
    let packets = [
        W.Packet(seconds: 1_700_000_000, subseconds: 123_456, bytes: W.ethernetIPv4(protocolNumber: 17)),
        W.Packet(seconds: 1_700_000_001, subseconds: 5, bytes: W.ethernetIPv4(protocolNumber: 6)),
        W.Packet(seconds: 1_700_000_002, subseconds: 999_999, bytes: Array(W.ethernetIPv4(protocolNumber: 17).prefix(30)),
                 originalLength: 50),
    ]

    func readAll(_ file: PcapFile) throws -> [Frame] {
        var frames: [Frame] = []
        while let frame = try file.next() { frames.append(frame) }
        return frames
    }

    @Test func readsMicrosecondPcapNumberedFromOne() throws {
        let directory = try W.temporaryDirectory()
        let path = try W.write(W.pcap(packets), to: directory.appendingPathComponent("a.pcap"))
        let file = try PcapFile(path: path, fileIndex: 3)
        let frames = try readAll(file)
        #expect(frames.map(\.number) == [1, 2, 3] && frames.allSatisfy { $0.fileIndex == 3 })
        #expect(frames[0].time == CaptureTime(seconds: 1_700_000_000, nanoseconds: 123_456_000))
        #expect(frames[1].bytes == packets[1].bytes && frames[0].linkType == .ethernet)
        #expect(frames[2].isTruncated && frames[2].originalLength == 50)
        #expect(file.framesRead == 3 && !file.isCompressed)
    }

    @Test func forEachPacketLendsWhatNextPacketLends() throws {
        let directory = try W.temporaryDirectory()
        let path = try W.write(W.pcap(packets), to: directory.appendingPathComponent("each.pcap"))
        let one = try PcapFile(path: path, fileIndex: 2)
        var stepped: [Frame] = []
        while try one.nextPacket({ stepped.append($0.frame()) }) {}
        let all = try PcapFile(path: path, fileIndex: 2)
        var looped: [Frame] = []
        try all.forEachPacket { looped.append($0.frame()) }
        #expect(looped.map(\.number) == [1, 2, 3] && looped.map(\.number) == stepped.map(\.number))
        #expect(looped.map(\.bytes) == stepped.map(\.bytes) && looped.map(\.time) == stepped.map(\.time))
        #expect(all.framesRead == 3 && one.framesRead == 3)
        try all.forEachPacket { _ in Issue.record("nothing is left after the end") }
    }

    @Test func readsSecondsAfter2038Unsigned() throws {
        // The pcap header's seconds are unsigned 32 bits; 0x8000_0001 is 2038-01-19T03:14:09Z.
        let directory = try W.temporaryDirectory()
        let late = [W.Packet(seconds: 0x8000_0001, subseconds: 7, bytes: [1, 2, 3])]
        let path = try W.write(W.pcap(late), to: directory.appendingPathComponent("late.pcap"))
        let frame = try #require(try PcapFile(path: path).next())
        #expect(frame.time == CaptureTime(seconds: 2_147_483_649, nanoseconds: 7_000))
        #expect(frame.time.iso8601 == "2038-01-19T03:14:09.000007Z")
    }

    @Test func readsNanosecondBigEndianPcap() throws {
        let directory = try W.temporaryDirectory()
        let nano = [W.Packet(seconds: 1_700_000_000, subseconds: 123_456_789, bytes: [1, 2, 3])]
        let path = try W.write(W.pcap(nano, linkType: 101, nanosecond: true, bigEndian: true),
                               to: directory.appendingPathComponent("n.pcap"))
        let file = try PcapFile(path: path)
        let frame = try #require(try file.next())
        #expect(frame.time == CaptureTime(seconds: 1_700_000_000, nanoseconds: 123_456_789))
        // libpcap hands out the platform's DLT for LINKTYPE_RAW (12 on Linux).
        #expect([LinkType.raw, .rawBSD, .rawOpenBSD].contains(frame.linkType) && frame.bytes == [1, 2, 3])
    }

    @Test func readsGzipAsAStream() throws {
        let directory = try W.temporaryDirectory()
        let path = try W.write(W.pcap(packets), to: directory.appendingPathComponent("z.pcap"))
        let file = try PcapFile(path: try W.gzip(path))
        #expect(file.isCompressed)
        #expect(try readAll(file).map(\.bytes) == packets.map(\.bytes))
    }

    @Test func readsPcapngLikeThePcapItWasMadeFrom() throws {
        let corpus = try #require(W.corpus)
        let pcap = try readAll(PcapFile(path: "\(corpus)/MichalCab-ISA/sip.pcap"))
        let pcapng = try readAll(PcapFile(path: "\(corpus)/MichalCab-ISA/sip.pcap.pcapng"))
        #expect(pcap.count == 175 && pcapng.count == 175)
        #expect(pcap.map(\.bytes) == pcapng.map(\.bytes) && pcap.map(\.time) == pcapng.map(\.time))
    }

    @Test func pcapngWithDifferentLinkTypesIsAClearError() throws {
        let directory = try W.temporaryDirectory()
        let bytes = W.pcapng(interfaces: [1, 101], packets: [(0, W.ethernetIPv4(protocolNumber: 17)), (1, [0x45, 0, 0, 20])])
        let path = try W.write(bytes, to: directory.appendingPathComponent("mixed.pcapng"))
        // The interface blocks come first, so libpcap refuses before the first packet.
        let file = try PcapFile(path: path)
        #expect {
            _ = try file.next()
        } throws: { error in
            guard case CaptureError.mixedLinkTypes(_, let after, _) = error else { return false }
            return after == 0 && "\(error)".contains("different link types")
        }
        #expect(try file.next() == nil)
    }

    @Test func pcapngWithTwoInterfacesOfOneLinkTypeReads() throws {
        let directory = try W.temporaryDirectory()
        let frame = W.ethernetIPv4(protocolNumber: 17)
        let path = try W.write(W.pcapng(interfaces: [1, 1], packets: [(0, frame), (1, frame)]),
                               to: directory.appendingPathComponent("two.pcapng"))
        #expect(try readAll(PcapFile(path: path)).count == 2)
    }

    @Test func filterKeepsWiresharkFrameNumbers() throws {
        let directory = try W.temporaryDirectory()
        let path = try W.write(W.pcap(packets), to: directory.appendingPathComponent("f.pcap"))
        let frames = try readAll(PcapFile(path: path, filter: "tcp"))
        #expect(frames.map(\.number) == [2])
    }

    @Test func badFilterIsATypedError() throws {
        let directory = try W.temporaryDirectory()
        let path = try W.write(W.pcap(packets), to: directory.appendingPathComponent("b.pcap"))
        #expect {
            _ = try PcapFile(path: path, filter: "udp and and")
        } throws: { error in
            if case CaptureError.badFilter(let filter, _) = error { return filter == "udp and and" }
            return false
        }
    }

    @Test func missingAndNonCaptureFilesAreTypedErrors() throws {
        let directory = try W.temporaryDirectory()
        #expect {
            _ = try PcapFile(path: directory.appendingPathComponent("none.pcap").path)
        } throws: { error in
            if case CaptureError.unreadable = error { return true }
            return false
        }
        let text = try W.write(Array("not a capture at all\n".utf8), to: directory.appendingPathComponent("t.pcap"))
        #expect {
            _ = try PcapFile(path: text)
        } throws: { error in
            if case CaptureError.notACapture = error { return true }
            return false
        }
    }

    @Test func truncatedFileStopsWithTheFramesBeforeIt() throws {
        let directory = try W.temporaryDirectory()
        let bytes = W.pcap(packets)
        let path = try W.write(Array(bytes.dropLast(10)), to: directory.appendingPathComponent("cut.pcap"))
        let file = try PcapFile(path: path)
        #expect(try file.next()?.number == 1)
        #expect(try file.next()?.number == 2)
        #expect {
            _ = try file.next()
        } throws: { error in
            if case CaptureError.readFailed(_, let after, _) = error { return after == 2 }
            return false
        }
        #expect(try file.next() == nil)
    }

    @Test func borrowedPacketsMatchOwnedFrames() throws {
        let directory = try W.temporaryDirectory()
        let path = try W.write(W.pcap(packets), to: directory.appendingPathComponent("v.pcap"))
        let file = try PcapFile(path: path)
        var sizes: [Int] = []
        while let size = try file.withNextPacket({ $0.bytes.count }) { sizes.append(size) }
        #expect(sizes == packets.map(\.bytes.count))
    }
}
