import Capture
import Foundation
import Testing
@testable import Transport

@Suite struct DecodePipelineTests {
    @Test func everyCorpusCaptureDecodesToTsharksSIPCount() throws {
        let directory = try #require(Corpus.directory, "corpus not found beside the package (../shared/corpus/public)")
        let expectations = try Corpus.sipCounts()
        #expect(expectations.map(\.file) == Corpus.captures(in: directory), "the TSV must list every corpus capture")
        for expectation in expectations {
            let pipeline = try DecodePipeline(paths: ["\(directory)/\(expectation.file)"])
            var emitted = 0
            var problems = 0
            pipeline.run(emit: { payload in
                emitted += 1
                #expect(!payload.bytes.isEmpty && !payload.frames.isEmpty)
            }, problem: { _ in problems += 1 })
            let statistics = pipeline.statistics
            #expect(pipeline.readErrors.isEmpty, "\(expectation.file): \(pipeline.readErrors)")
            #expect(statistics.frames > 0, "\(expectation.file)")
            #expect(statistics.sipMessages == expectation.expected,
                    "\(expectation.file): rraudit \(statistics.sipMessages), expected \(expectation.expected)")
            #expect(emitted == statistics.sipMessages && problems == statistics.problemCount, "\(expectation.file)")
        }
    }

    /// Decoding in turns of a few payloads hands out what one `run` does, in the same order, with
    /// the same statistics, for single and merged files, and says when the capture ended.
    @Test(arguments: [1, 3, 256])
    func decodingInTurnsHandsOutWhatOneRunDoes(turn: Int) throws {
        let directory = try #require(Corpus.directory)
        let singles = Corpus.captures(in: directory).map { ["\(directory)/\($0)"] }
        let merged = ["\(directory)/aflnet-kamailio-sip/sip.pcap", "\(directory)/heplify/sip_sctp.pcap"]
        for paths in singles + [merged] {
            func record(_ log: inout [String], _ payload: SIPPayload) {
                log.append("\(payload.fileIndex) \(payload.frame) \(payload.bytes.count)")
            }
            let whole = try DecodePipeline(paths: paths)
            var expected: [String] = []
            whole.run(emit: { record(&expected, $0) }, problem: { expected.append("problem \($0.kind) \($0.frame)") })
            let inTurns = try DecodePipeline(paths: paths)
            var handed: [String] = []
            var turns = 0
            while inTurns.decode(atLeast: turn, emit: { record(&handed, $0) },
                                 problem: { handed.append("problem \($0.kind) \($0.frame)") }) {
                turns += 1
                #expect(handed.count >= turns * turn, "\(paths): a turn handed out fewer than asked before the end")
            }
            #expect(handed == expected, "\(paths)")
            #expect(inTurns.statistics == whole.statistics, "\(paths)")
            let after = inTurns.decode(atLeast: turn, emit: { _ in Issue.record("payload after the end") },
                                       problem: { _ in Issue.record("problem after the end") })
            #expect(!after)
        }
    }

    @Test func mergedFilesKeepTheirOwnNumbersAndStatistics() throws {
        let directory = try #require(Corpus.directory)
        let paths = ["\(directory)/aflnet-kamailio-sip/sip.pcap", "\(directory)/heplify/sip_sctp.pcap"]
        let pipeline = try DecodePipeline(paths: paths)
        var seen: [(file: Int, frame: Int)] = []
        pipeline.run(emit: { seen.append(($0.fileIndex, $0.frame)) }, problem: { _ in })
        #expect(pipeline.fileStatistics.map(\.sipMessages) == [8, 4])
        #expect(pipeline.statistics.sipMessages == 12)
        for file in 0..<2 {
            let frames = seen.filter { $0.file == file }.map(\.frame)
            #expect(frames == frames.sorted())
        }
        #expect(pipeline.linkTypes == [.ethernet, .linuxSLL])
    }

    @Test func aFileWithNoReadableFrameIsUnreadable() throws {
        let directory = try #require(Corpus.directory)
        // A pcapng whose second interface is raw IP while the first is Ethernet: libpcap 1.10 refuses it.
        let bytes = Self.mixedPcapng()
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("rraudit-mixed-\(UUID().uuidString).pcapng").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let pipeline = try DecodePipeline(paths: [path, "\(directory)/aflnet-kamailio-sip/sip.pcap"])
        var count = 0
        pipeline.run(emit: { _ in count += 1 }, problem: { _ in })
        #expect(count == 8)
        #expect(pipeline.unreadableFiles.count == 1 && pipeline.readErrors.count == 1)
    }

    static func mixedPcapng() -> [UInt8] {
        func le32(_ value: UInt32) -> [UInt8] { withUnsafeBytes(of: value.littleEndian, Array.init) }
        func block(_ type: UInt32, _ body: [UInt8]) -> [UInt8] {
            le32(type) + le32(UInt32(12 + body.count)) + body + le32(UInt32(12 + body.count))
        }
        let header = block(0x0a0d_0d0a, le32(0x1a2b_3c4d) + [1, 0, 0, 0] + [UInt8](repeating: 0xff, count: 8))
        return header + block(1, [1, 0, 0, 0] + le32(65_535)) + block(1, [101, 0, 0, 0] + le32(65_535))
    }

    @Test func badFilterAndMissingFileAreTypedErrors() throws {
        let directory = try #require(Corpus.directory)
        #expect(throws: CaptureError.self) { try DecodePipeline(paths: ["\(directory)/zeek/sip-junk-before-request.pcap"], filter: "udp and and") }
        #expect(throws: CaptureError.self) { try DecodePipeline(paths: ["/nonexistent/x.pcap"]) }
    }
}
