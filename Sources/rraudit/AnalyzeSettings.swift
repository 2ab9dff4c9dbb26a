import ArgumentParser
import Audit
import Capture
import Dialogs
import FoundationEssentials
import Glibc
import Reports
import Transport

/// What one `analyze` run is given: its arguments as plain values, from ArgumentParser's
/// `AnalyzeCommand` or read directly (`init?(directArguments:)`), and the run itself.
struct AnalyzeSettings: Equatable {
    var files: [String]
    var format: AnalyzeCommand.Format?
    var output: String?
    var filter: String?
    var color: String
    var threads: Int?
    var failOn: AnalyzeCommand.FailOn
    var proxies: [String]
    var checkRouteParams: [String]
    var dialogTimeout: Double

    /// Runs `analyze`: the whole pipeline, each dialog printed when it ends. Usage and input
    /// errors throw `ExitCode(2)` after one line on stderr; findings at `failOn` or above, `ExitCode(1)`.
    func run() throws {
        guard let colorChoice = ColorChoice(rawValue: color) else {
            throw usage("invalid --color '\(color)': use auto, always or never")
        }
        let options = try AnalysisArguments.options(proxies: proxies, checkRouteParams: checkRouteParams,
                                                    dialogTimeout: dialogTimeout)
        let threads = self.threads ?? min(max(1, ProcessInfo.processInfo.activeProcessorCount), AnalyzeCommand.defaultMaxThreads)
        guard (1...AnalyzeCommand.maxThreads).contains(threads) else {
            throw usage("invalid --threads \(threads): use 1 to \(AnalyzeCommand.maxThreads)")
        }
        var analysis: Analysis
        do {
            analysis = try Analysis(files: files.count, options: options)
        } catch {
            throw usage("rraudit: \(error)")
        }
        let pipeline: DecodePipeline
        do {
            pipeline = try DecodePipeline(paths: files, filter: filter)
        } catch {
            throw usage("rraudit: \(error)")
        }

        if let output { try redirectStandardOutput(to: output) }
        let isTerminal = isatty(STDOUT_FILENO) == 1
        let format = self.format ?? (output?.hasSuffix(".html") == true ? .html : isTerminal ? .text : .jsonl)
        let names = files.map(PathText.lastComponent)
        let json = JSONLinesReport(fileNames: names)
        let noColor = getenv("NO_COLOR").map { String(cString: $0) }
        let text = TextReport(fileNames: names, style: TextStyle(colored: TextStyle.colored(
            choice: colorChoice, isTerminal: isTerminal, noColor: noColor)))
        var html = HTMLReport(fileNames: names)
        // JSON Lines records are gathered as bytes and written in large blocks.
        var records: [UInt8] = []
        records.reserveCapacity(Self.recordBlock + 16_384)
        let writeRecords = {
            fflush(nil)  // nothing may overtake what `print` buffered
            Self.writeFully(records)
            records.removeAll(keepingCapacity: true)
        }
        let write: (DialogAudit) -> Void = { audit in
            switch format {
            case .jsonl:
                json.appendRecords(of: audit, to: &records)
                if records.count >= Self.recordBlock { writeRecords() }
            case .text:
                print(text.dialogBlock(audit), terminator: "")
            case .html:
                html.add(audit)
            }
        }

        var firstFrames: [[DecodeProblemKind: [Int]]] = Array(repeating: [:], count: files.count)
        let noteFirstFrames = { (problem: DecodeProblem) in
            guard problem.fileIndex < firstFrames.count else { return }
            if firstFrames[problem.fileIndex][problem.kind, default: []].count < 5 {
                firstFrames[problem.fileIndex][problem.kind, default: []].append(problem.frame)
            }
        }
        // With more threads, each dialog's records or text block is rendered on the worker that
        // audited it, and only written here.
        if threads > 1 && format == .jsonl {
            analysis.runConcurrently(pipeline, workers: threads, render: { audit in
                var bytes: [UInt8] = []
                json.appendRecords(of: audit, to: &bytes)
                return bytes
            }, emit: { bytes in
                records.append(contentsOf: bytes)
                if records.count >= Self.recordBlock { writeRecords() }
            }, problem: noteFirstFrames)
        } else if threads > 1 && format == .text {
            analysis.runConcurrently(pipeline, workers: threads, render: text.dialogBlock, emit: { block in
                print(block, terminator: "")
            }, problem: noteFirstFrames)
        } else if threads > 1 {
            analysis.runConcurrently(pipeline, workers: threads, emit: write, problem: noteFirstFrames)
        } else {
            analysis.run(pipeline, emit: write, problem: noteFirstFrames)
        }
        writeRecords()
        for error in pipeline.readErrors { printError("rraudit: warning: \(error)") }

        let summary = analysis.summary
        switch format {
        case .jsonl:
            print(json.summaryLine(summary))
        case .text:
            print(text.summaryBlock(summary), terminator: "")
            print(DecodeReportText.render(paths: files, linkTypes: pipeline.linkTypes,
                                          statistics: pipeline.fileStatistics, firstFrames: firstFrames), terminator: "")
        case .html:
            print(html.document(summary: summary), terminator: "")
        }
        fflush(nil)
        if let threshold = failOn.severity, summary.findings(atLeast: threshold) > 0 {
            throw ExitCode(1)
        }
    }

    /// Bytes of JSON Lines records gathered before they are written.
    static let recordBlock = 1 << 16

    /// Writes `bytes` to standard output, retrying short writes and interrupted calls (a write
    /// error, e.g. a closed pipe, ends the attempt as `print` would).
    private static func writeFully(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(STDOUT_FILENO, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
                if written > 0 {
                    offset += written
                } else if written < 0 && errno == EINTR {
                    continue
                } else {
                    return
                }
            }
        }
    }

    /// A usage or input error: one line on stderr, exit status 2 (design.md "Exit status").
    private func usage(_ line: String) -> ExitCode {
        printError(line.hasPrefix("rraudit:") ? line : "rraudit: \(line)")
        return ExitCode(2)
    }
}
