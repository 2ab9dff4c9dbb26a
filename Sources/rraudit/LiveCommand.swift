import ArgumentParser
import Audit
import Capture
import Glibc
import Reports

/// `rraudit live --interface IF`: the analysis of `analyze`, on a live interface. Each dialog is
/// printed when it ends or expires; Ctrl-C (SIGINT) or SIGTERM stops cleanly and prints the
/// summary with the kernel's capture counters.
struct LiveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "live",
        abstract: "Analyse a live interface, printing each dialog when it ends (needs capture privileges)."
    )

    @Option(name: .customLong("interface"), help: "The interface to capture on (e.g. eth0, any, lo).")
    var interface: String

    @Option(help: "BPF capture filter, e.g. 'udp port 5060'.")
    var filter: String?

    @Option(help: "Bytes captured per packet.")
    var snaplen: Int32 = 262_144

    @Flag(help: "Put the interface into promiscuous mode.")
    var promiscuous = false

    @Option(help: "Stop after SECONDS.")
    var duration: Double?

    @Option(help: "Stop after N frames.")
    var count: Int?

    @Option(help: "Output format: text or jsonl (default: text on a terminal, jsonl otherwise).")
    var format: BatchCommand.Format?

    @Option(help: "Colour in text output: auto (terminal only), always or never. NO_COLOR always wins.")
    var color: String = ColorChoice.auto.rawValue

    @OptionGroup var analysisArguments: AnalysisArguments

    func run() throws {
        guard let colorChoice = ColorChoice(rawValue: color) else { throw usage("invalid --color '\(color)': use auto, always or never") }
        guard snaplen > 0 else { throw usage("--snaplen must be positive") }
        if let duration, !(duration > 0 && duration.isFinite) { throw usage("--duration must be positive") }
        if let count, count < 1 { throw usage("--count must be at least 1") }
        let options = try analysisArguments.analysisOptions()
        let isTerminal = isatty(STDOUT_FILENO) == 1
        let format = self.format ?? (isTerminal ? .text : .jsonl)
        let names = [interface]
        let json = JSONLinesReport(fileNames: names)
        let noColor = getenv("NO_COLOR").map { String(cString: $0) }
        let text = TextReport(fileNames: names, style: TextStyle(colored: TextStyle.colored(
            choice: colorChoice, isTerminal: isTerminal, noColor: noColor)))

        let session = LiveSession(configuration: .init(
            interface: interface, filter: filter,
            capture: LiveCapture.Options(snapshotLength: snaplen, promiscuous: promiscuous),
            duration: duration, count: count, analysis: options))
        let stop = StopFlag()
        let signals = StopSignals(setting: stop)
        defer { signals.cancel() }
        let outcome: LiveSession.Outcome
        do {
            outcome = try session.run(stop: stop, started: {
                printError("rraudit: capturing on \(interface)\(filter.map { " (filter '\($0)')" } ?? ""); Ctrl-C stops")
            }, emit: { audit in
                switch format {
                case .jsonl:
                    var lines = json.dialogLine(audit) + "\n"
                    for finding in audit.findings { lines += json.findingLine(finding) + "\n" }
                    print(lines, terminator: "")
                case .text:
                    print(text.dialogBlock(audit), terminator: "")
                }
                fflush(nil)
            })
        } catch {
            throw usage("\(error)")
        }
        if let readError = outcome.readError { printError("rraudit: warning: capture stopped: \(readError)") }
        switch format {
        case .jsonl:
            print(json.summaryLine(outcome.summary, capture: outcome.capture))
        case .text:
            print(text.summaryBlock(outcome.summary), terminator: "")
            print(text.captureLine(outcome.capture), terminator: "")
        }
        fflush(nil)
        if let threshold = analysisArguments.failOn.severity, outcome.summary.findings(atLeast: threshold) > 0 {
            throw ExitCode(1)
        }
    }

    private func usage(_ line: String) -> ExitCode {
        printError("rraudit: \(line)")
        return ExitCode(2)
    }
}
