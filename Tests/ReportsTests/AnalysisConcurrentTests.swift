import Audit
import Foundation
@testable import Reports
import Testing
import Transport

/// `runConcurrently` must be `run` on more threads: the same records in the same order, the same
/// decode problems in the same order, the same summary. `rendering` renders each dialog's
/// records on the workers (what `analyze` does), else on the calling thread.
private func bothWays(_ paths: [String], workers: Int, limits: Analysis.ConcurrencyLimits = .standard,
                      rendering: Bool = false) throws -> (sequential: [String], concurrent: [String]) {
    func analyse(concurrently: Bool) throws -> [String] {
        let pipeline = try DecodePipeline(paths: paths)
        var analysis = try Analysis(files: paths.count)
        let json = JSONLinesReport(fileNames: paths.map { _ in "capture" })
        var lines: [String] = []
        let emit = { (audit: DialogAudit) in
            lines.append(json.dialogLine(audit))
            lines += audit.findings.map(json.findingLine)
        }
        let problem = { (problem: DecodeProblem) in lines.append("problem \(problem.kind) #\(problem.frame)") }
        if concurrently && rendering {
            analysis.runConcurrently(pipeline, workers: workers, limits: limits, render: { audit in
                [json.dialogLine(audit)] + audit.findings.map(json.findingLine)
            }, emit: { rendered in lines += rendered }, problem: problem)
        } else if concurrently {
            analysis.runConcurrently(pipeline, workers: workers, emit: emit, problem: problem)
        } else {
            analysis.run(pipeline, emit: emit, problem: problem)
        }
        lines.append(json.summaryLine(analysis.summary))
        return lines
    }
    return (try analyse(concurrently: false), try analyse(concurrently: true))
}

@Test(arguments: Samples.names)
func concurrentRunReportsWhatTheSequentialRunReports(sample: String) throws {
    let (sequential, concurrent) = try bothWays([Samples.directory.appendingPathComponent("\(sample).pcap").path],
                                                workers: 2)
    #expect(sequential.count > 1)
    #expect(concurrent == sequential)
}

/// Public captures with decode problems and many dialogs: problems travel through the same
/// channel as the dialogs, so their order must survive too.
@Test(.enabled(if: Corpus.directory != nil), arguments: Corpus.captures)
func concurrentRunMatchesOnPublicCaptures(capture: String) throws {
    let (sequential, concurrent) = try bothWays(["\(Corpus.directory ?? "")/\(capture)"], workers: 3, rendering: true)
    #expect(concurrent == sequential)
}

/// Rendering on the workers, on every sample.
@Test(arguments: Samples.names)
func concurrentRunRendersWhatTheSequentialRunReports(sample: String) throws {
    let (sequential, concurrent) = try bothWays([Samples.directory.appendingPathComponent("\(sample).pcap").path],
                                                workers: 2, rendering: true)
    #expect(concurrent == sequential)
}

/// Every sample at once, with the smallest batches and stage bounds, so that every hand-over
/// waits at some point: the calling thread alone (1), and with one to three helpers.
@Test(arguments: 1...4)
func concurrentRunKeepsTheOrderWithTheSmallestLimits(workers: Int) throws {
    let paths = Samples.names.map { Samples.directory.appendingPathComponent("\($0).pcap").path }
    let smallest = Analysis.ConcurrencyLimits(readBatchSize: 1, parseCapacity: 1, stageBatchSize: 1,
                                              stageBatchMessages: 1, stageMessages: 1, stageCapacity: 1)
    let (sequential, concurrent) = try bothWays(paths, workers: workers, limits: smallest, rendering: true)
    #expect(sequential.count > Samples.names.count)
    #expect(concurrent == sequential)
}
