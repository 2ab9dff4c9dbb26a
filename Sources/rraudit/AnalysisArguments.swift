import ArgumentParser
import Dialogs
import Reports
import Transport

/// The analysis options `batch` and `live` share with `analyze`.
struct AnalysisArguments: ParsableArguments {
    @Option(name: .customLong("fail-on"), help: "Exit 1 when a finding at or above this severity exists: error, warning, info or none.")
    var failOn: AnalyzeCommand.FailOn = Self.defaultFailOn

    @Option(name: .customLong("proxy"), help: "Treat ADDR (ip[:port], port 5060 by default) as a proxy; repeatable.")
    var proxies: [String] = []

    @Option(name: .customLong("check-route-param"),
            help: "A POSIX extended regex to evaluate with check_route_param() at each proxy; repeatable.")
    var checkRouteParams: [String] = []

    @Option(name: .customLong("dialog-timeout"), help: "Seconds of capture time without a message after which an open dialog is reported.")
    var dialogTimeout: Double = Self.defaultDialogTimeout

    /// The defaults, shared with `AnalyzeSettings.init?(directArguments:)`.
    static let defaultFailOn = AnalyzeCommand.FailOn.error
    static let defaultDialogTimeout: Double = 3600

    /// The validated options; a bad value is a usage error (one line on stderr, exit 2).
    func analysisOptions() throws(ExitCode) -> Analysis.Options {
        try Self.options(proxies: proxies, checkRouteParams: checkRouteParams, dialogTimeout: dialogTimeout)
    }

    /// The validated options of these argument values (`analyze` may have them without this type).
    static func options(proxies: [String], checkRouteParams: [String], dialogTimeout: Double) throws(ExitCode) -> Analysis.Options {
        var declared: [Endpoint] = []
        for text in proxies {
            guard let endpoint = Endpoint(proxyAddress: text) else {
                printError("rraudit: invalid --proxy '\(text)': give an IP address, optionally with :port")
                throw ExitCode(2)
            }
            declared.append(endpoint)
        }
        guard dialogTimeout > 0, dialogTimeout.isFinite else {
            printError("rraudit: --dialog-timeout must be positive")
            throw ExitCode(2)
        }
        let options = Analysis.Options(declaredProxies: declared, checkRouteParams: checkRouteParams, dialogTimeout: dialogTimeout)
        do {
            _ = try Analysis(files: 1, options: options)
        } catch {
            printError("rraudit: \(error)")
            throw ExitCode(2)
        }
        return options
    }
}
