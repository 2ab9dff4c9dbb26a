import ArgumentParser
import Foundation
import Reports
import Testing
import Transport
@testable import rraudit

@Suite struct BatchRunnerTests {
    /// The same file analysed alone, serially, with the library pipeline.
    static func serialSummary(_ path: String) throws -> AnalysisSummary {
        var analysis = try Analysis(files: 1)
        analysis.run(try DecodePipeline(paths: [path])) { _ in }
        return analysis.summary
    }

    @Test func parallelBatchMatchesSerialAnalysisInInputOrder() async throws {
        let jobs = CaptureDiscovery.jobs(for: [TestPaths.samples.path])
        #expect(jobs.count >= 20)
        var streamed: [String] = []
        let results = await BatchRunner(width: 3).run(jobs, analyzer: BatchFileAnalyzer(options: .init())) { streamed.append($0.path) }
        #expect(results.map(\.path) == jobs.map(\.path))
        #expect(streamed == jobs.map(\.path))
        for result in results {
            #expect(result.error == nil)
            let expected = try Self.serialSummary(result.path)
            #expect(result.summary == expected, "\(result.path)")
        }
    }

    @Test func corruptAndTruncatedFilesAreReportedAndTheBatchGoesOn() async throws {
        let directory = try TestPaths.scratch("batch-bad")
        defer { try? FileManager.default.removeItem(at: directory) }
        let sample = try Data(contentsOf: TestPaths.samples.appendingPathComponent("two-proxies-chain.pcap"))
        try sample.prefix(3000).write(to: directory.appendingPathComponent("a-truncated.pcap"))
        try Data("this is not a capture at all, just text".utf8).write(to: directory.appendingPathComponent("b-garbage.pcapng"))
        try sample.write(to: directory.appendingPathComponent("c-good.pcap"))
        let jobs = CaptureDiscovery.jobs(for: [directory.path, directory.appendingPathComponent("missing.pcap").path])
        let results = await BatchRunner(width: 2).run(jobs, analyzer: BatchFileAnalyzer(options: .init())) { _ in }
        #expect(results.count == 4)
        let truncated = results[0], garbage = results[1], good = results[2], missing = results[3]
        #expect(!truncated.failed && truncated.error?.contains("read error after frame") == true)
        #expect((truncated.summary?.frames ?? 0) > 0)
        #expect(garbage.failed && garbage.summary == nil && garbage.error?.contains("not a pcap") == true)
        #expect(good.error == nil && good.summary?.dialogs == 1)
        #expect(missing.failed && missing.error?.contains("cannot read") == true)
        let totals = BatchTotals(results)
        #expect(totals.failedFiles == 2 && totals.partialFiles == 1)
    }

    @Test func outputDirectoryHoldsPerFileReportsAndLinkedIndex() async throws {
        let directory = try TestPaths.scratch("batch-out")
        defer { try? FileManager.default.removeItem(at: directory) }
        let names = ["indialog-no-route-to-proxy.pcap", "two-proxies-chain.pcap"]
        let command = try BatchCommand.parse(names.map { TestPaths.samples.appendingPathComponent($0).path }
            + ["--output-dir", directory.path, "--format", "jsonl", "--fail-on", "none", "--jobs", "2"])
        try await command.run()
        for name in names {
            let jsonl = try String(contentsOf: directory.appendingPathComponent(name + ".jsonl"), encoding: .utf8)
            let lines = jsonl.split(separator: "\n")
            #expect(lines.first?.hasPrefix("{\"type\":\"dialog\"") == true)
            #expect(lines.last?.hasPrefix("{\"type\":\"summary\"") == true)
            let html = try String(contentsOf: directory.appendingPathComponent(name + ".html"), encoding: .utf8)
            #expect(html.contains("<section class=\"card\""))
        }
        let index = try String(contentsOf: directory.appendingPathComponent("index.html"), encoding: .utf8)
        for name in names { #expect(index.contains("href=\"\(name).html\"")) }
    }

    @Test func exitStatusFollowsFailOnAndAllFilesFailing() async throws {
        let bad = try TestPaths.scratch("batch-exit")
        defer { try? FileManager.default.removeItem(at: bad) }
        let garbage = bad.appendingPathComponent("garbage.pcap")
        try Data("garbage".utf8).write(to: garbage)
        let withFinding = TestPaths.samples.appendingPathComponent("indialog-no-route-to-proxy.pcap").path
        func status(_ arguments: [String]) async throws -> Int32 {
            do {
                try await BatchCommand.parse(arguments + ["--format", "jsonl"]).run()
                return 0
            } catch let code as ExitCode {
                return code.rawValue
            }
        }
        #expect(try await status([withFinding]) == 1)
        #expect(try await status([withFinding, "--fail-on", "none"]) == 0)
        #expect(try await status([withFinding, garbage.path, "--fail-on", "none"]) == 0)
        #expect(try await status([garbage.path]) == 2)
        #expect(try await status([withFinding, "--jobs", "0"]) == 2)
    }

    @Test func everyPublicCorpusCaptureAnalysesWithoutFailure() async throws {
        guard let corpus = TestPaths.publicCorpus else {
            print("skipped: ../shared/corpus/public not found")
            return
        }
        let jobs = CaptureDiscovery.jobs(for: [corpus.path])
        #expect(jobs.count >= 10)
        let results = await BatchRunner(width: 2).run(jobs, analyzer: BatchFileAnalyzer(options: .init())) { _ in }
        for result in results { #expect(!result.failed, "\(result.path): \(result.error ?? "")") }
        #expect(BatchTotals(results).dialogs > 0)
    }
}
