import ArgumentParser
import Audit
import FoundationEssentials
import Glibc
import Reports

/// `rraudit batch DIR|FILES...`: every capture analysed on its own, several at once, with an
/// index of all files (text table or JSON Lines, and `index.html` with `--output-dir`).
struct BatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: "Analyse many captures in parallel and print an index (directories are searched for .pcap, .pcapng, .cap, .gz)."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, jsonl
    }

    @Argument(help: "Capture files and directories (searched recursively).")
    var inputs: [String]

    @Option(help: "Files analysed at once (default: the number of cores).")
    var jobs: Int?

    @Option(name: .customLong("output-dir"), help: "Write each file's report (NAME.jsonl, NAME.html) and index.html into DIR.")
    var outputDirectory: String?

    @Option(help: "Index format: text or jsonl (default: text on a terminal, jsonl otherwise).")
    var format: Format?

    @Option(help: "BPF filter applied to every file.")
    var filter: String?

    @OptionGroup var analysisArguments: AnalysisArguments

    func run() async throws {
        let options = try analysisArguments.analysisOptions()
        let width = jobs ?? ProcessInfo.processInfo.activeProcessorCount
        guard width >= 1 else { throw usage("--jobs must be at least 1") }
        let list = CaptureDiscovery.jobs(for: inputs)
        guard !list.isEmpty else { throw usage("no capture files (.pcap, .pcapng, .cap, .gz) in \(inputs.joined(separator: " "))") }
        if let directory = outputDirectory {
            do {
                try OutputDirectory.create(directory)
            } catch {
                throw usage("cannot create --output-dir '\(directory)': \(error)")
            }
        }
        let format = self.format ?? (isatty(STDOUT_FILENO) == 1 ? .text : .jsonl)
        let analyzer = BatchFileAnalyzer(options: options, filter: filter, outputDirectory: outputDirectory)
        if format == .text { print(BatchIndex.textHeader) }
        let results = await BatchRunner(width: width).run(list, analyzer: analyzer) { result in
            print(format == .text ? BatchIndex.textRow(result) : BatchIndex.fileLine(result))
            fflush(nil)
        }
        let totals = BatchTotals(results)
        print(format == .text ? BatchIndex.textSummary(totals) : BatchIndex.summaryLine(totals), terminator: format == .text ? "" : "\n")
        if let directory = outputDirectory {
            let page = BatchIndexHTML.document(results: results, totals: totals) { result in
                result.reports.first { $0.hasSuffix(".html") }
            }
            do {
                let file = try ReportFile(path: directory + "/index.html")
                file.write(page)
                if !file.close() { printError("rraudit: cannot write \(directory)/index.html") }
            } catch {
                printError("rraudit: \(error)")
            }
        }
        fflush(nil)
        if totals.failedFiles == totals.files {
            printError("rraudit: no file could be analysed")
            throw ExitCode(2)
        }
        if let threshold = analysisArguments.failOn.severity, totals.findings(atLeast: threshold) > 0 {
            throw ExitCode(1)
        }
    }

    private func usage(_ line: String) -> ExitCode {
        printError("rraudit: \(line)")
        return ExitCode(2)
    }
}
