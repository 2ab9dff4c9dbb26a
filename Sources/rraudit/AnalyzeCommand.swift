import ArgumentParser
import Audit
import Capture
import Dialogs
import FoundationEssentials
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
        case text, jsonl, html
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

    @Option(help: "Output format: text, jsonl or html (default: text on a terminal, html for an --output ending .html, jsonl otherwise).")
    var format: Format?

    @Option(name: .customLong("output"), help: "Write the report to FILE instead of standard output.")
    var output: String?

    @OptionGroup var analysisArguments: AnalysisArguments

    @Option(help: "BPF filter applied to every file (frame numbers still count every packet).")
    var filter: String?

    @Option(help: "Colour in text output: auto (terminal only), always or never. NO_COLOR always wins.")
    var color: String = Self.defaultColor

    @Option(help: "Threads to run, 1 to \(Self.maxThreads): 1 runs everything on one thread; N > 1 runs N threads that parse messages and audit ended calls side by side and take turns at decoding and dialog tracking. Default: the number of cores, at most \(Self.defaultMaxThreads).")
    var threads: Int?

    /// The default of `--color`, shared with `AnalyzeSettings.init?(directArguments:)`.
    static let defaultColor = ColorChoice.auto.rawValue

    /// The most `--threads` accepts.
    static let maxThreads = 64
    /// The most the default uses: decoding and tracking are turns one thread at a time takes, so
    /// beyond a few threads more cores wait for them.
    static let defaultMaxThreads = 4

    /// The parsed arguments as plain values.
    var settings: AnalyzeSettings {
        AnalyzeSettings(files: files, format: format, output: output, filter: filter, color: color,
                        threads: threads, failOn: analysisArguments.failOn, proxies: analysisArguments.proxies,
                        checkRouteParams: analysisArguments.checkRouteParams,
                        dialogTimeout: analysisArguments.dialogTimeout)
    }

    func run() throws { try settings.run() }
}
