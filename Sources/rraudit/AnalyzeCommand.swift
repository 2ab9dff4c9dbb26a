import ArgumentParser
import Audit
import Capture
import Dialogs
import Glibc
import Reports
import Transport

/// `rraudit analyze FILE...`: the whole pipeline, Capture → Transport → SIP → Dialogs → Audit →
/// Reports, streaming: each dialog is printed when it ends (or expires) in capture time.
struct AnalyzeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Analyse capture files (pcap, pcapng, gzip) for SIP Record-Route / Route defects."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, jsonl
    }

    enum FailOn: String, ExpressibleByArgument, CaseIterable {
        case error, warning, info, none

        var severity: Severity? {
            switch self {
            case .error: .error
            case .warning: .warning
            case .info: .info
            case .none: nil
            }
        }
    }

    @Argument(help: "Capture files, merged in capture-time order.")
    var files: [String]

    @Option(help: "Output format: text or jsonl (default: text on a terminal, jsonl otherwise).")
    var format: Format?

    @Option(name: .customLong("fail-on"), help: "Exit 1 when a finding at or above this severity exists: error, warning, info or none.")
    var failOn: FailOn = .error

    @Option(name: .customLong("proxy"), help: "Treat ADDR (ip[:port], port 5060 by default) as a proxy; repeatable.")
    var proxies: [String] = []

    @Option(name: .customLong("check-route-param"),
            help: "A POSIX extended regex to evaluate with check_route_param() at each proxy; repeatable.")
    var checkRouteParams: [String] = []

    @Option(name: .customLong("dialog-timeout"), help: "Seconds of capture time without a message after which an open dialog is reported.")
    var dialogTimeout: Double = 3600

    @Option(help: "BPF filter applied to every file (frame numbers still count every packet).")
    var filter: String?

    @Option(help: "Colour in text output: auto (terminal only), always or never. NO_COLOR always wins.")
    var color: String = ColorChoice.auto.rawValue

    func run() throws {
        guard let colorChoice = ColorChoice(rawValue: color) else {
            throw usage("invalid --color '\(color)': use auto, always or never")
        }
        var declared: [Endpoint] = []
        for text in proxies {
            guard let endpoint = Endpoint(proxyAddress: text) else {
                throw usage("invalid --proxy '\(text)': give an IP address, optionally with :port")
            }
            declared.append(endpoint)
        }
        guard dialogTimeout > 0, dialogTimeout.isFinite else { throw usage("--dialog-timeout must be positive") }
        var analysis: Analysis
        do {
            analysis = try Analysis(files: files.count, options: .init(
                declaredProxies: declared, checkRouteParams: checkRouteParams, dialogTimeout: dialogTimeout))
        } catch {
            throw usage("rraudit: \(error)")
        }
        let pipeline: DecodePipeline
        do {
            pipeline = try DecodePipeline(paths: files, filter: filter)
        } catch {
            throw usage("rraudit: \(error)")
        }

        let isTerminal = isatty(STDOUT_FILENO) == 1
        let format = self.format ?? (isTerminal ? .text : .jsonl)
        let names = files.map { path in path.split(separator: "/").last.map(String.init) ?? path }
        let json = JSONLinesReport(fileNames: names)
        let noColor = getenv("NO_COLOR").map { String(cString: $0) }
        let text = TextReport(fileNames: names, style: TextStyle(colored: TextStyle.colored(
            choice: colorChoice, isTerminal: isTerminal, noColor: noColor)))
        let write: (DialogAudit) -> Void = { audit in
            switch format {
            case .jsonl:
                print(json.dialogLine(audit))
                for finding in audit.findings { print(json.findingLine(finding)) }
            case .text:
                print(text.dialogBlock(audit), terminator: "")
            }
        }

        var firstFrames: [[DecodeProblemKind: [Int]]] = Array(repeating: [:], count: files.count)
        analysis.run(pipeline, emit: write, problem: { problem in
            guard problem.fileIndex < firstFrames.count else { return }
            if firstFrames[problem.fileIndex][problem.kind, default: []].count < 5 {
                firstFrames[problem.fileIndex][problem.kind, default: []].append(problem.frame)
            }
        })
        for error in pipeline.readErrors { printError("rraudit: warning: \(error)") }

        let summary = analysis.summary
        switch format {
        case .jsonl:
            print(json.summaryLine(summary))
        case .text:
            print(text.summaryBlock(summary), terminator: "")
            print(DecodeReportText.render(paths: files, linkTypes: pipeline.linkTypes,
                                          statistics: pipeline.fileStatistics, firstFrames: firstFrames), terminator: "")
        }
        if let threshold = failOn.severity, summary.findings(atLeast: threshold) > 0 {
            throw ExitCode(1)
        }
    }

    /// A usage or input error: one line on stderr, exit status 2 (design.md "Exit status").
    private func usage(_ line: String) -> ExitCode {
        printError(line.hasPrefix("rraudit:") ? line : "rraudit: \(line)")
        return ExitCode(2)
    }
}
