import ArgumentParser
import Reports

extension AnalyzeSettings {
    /// The settings of `rraudit analyze ARGUMENTS` when the arguments are of the plain kind, read
    /// without ArgumentParser; nil for anything else, which ArgumentParser then parses and answers
    /// (help, usage errors, `--name=value`, ...) as always.
    ///
    /// Why: ArgumentParser builds its tables by reflection, and the first time a type is checked
    /// against a protocol the Swift runtime scans every conformance record of the binary (about
    /// 4,000 here): parsing cost some 12 M instructions, half of a small capture's whole run.
    ///
    /// Accepted, with exactly ArgumentParser's result: capture files (at least one), each not
    /// empty and not starting with `-`, and the options of `analyze` in their `--name value`
    /// form, each followed by a value that is not empty and does not start with `-`, converted by
    /// the same `init?(argument:)`; single-value options at most once. Nothing else.
    init?(directArguments arguments: ArraySlice<String>) {
        var files: [String] = []
        var format: AnalyzeCommand.Format?, output: String?, filter: String?, color: String?, threads: Int?
        var failOn: AnalyzeCommand.FailOn?, dialogTimeout: Double?
        var proxies: [String] = [], checkRouteParams: [String] = []
        var rest = arguments
        while let argument = rest.popFirst() {
            guard let first = argument.utf8.first else { return nil }
            guard first == UInt8(ascii: "-") else {
                files.append(argument)
                continue
            }
            guard let value = rest.popFirst(), let start = value.utf8.first, start != UInt8(ascii: "-") else {
                return nil
            }
            switch argument {
            case "--format":
                guard format == nil, let parsed = AnalyzeCommand.Format(argument: value) else { return nil }
                format = parsed
            case "--output":
                guard output == nil else { return nil }
                output = value
            case "--filter":
                guard filter == nil else { return nil }
                filter = value
            case "--color":
                guard color == nil else { return nil }
                color = value
            case "--threads":
                guard threads == nil, let parsed = Int(argument: value) else { return nil }
                threads = parsed
            case "--fail-on":
                guard failOn == nil, let parsed = AnalyzeCommand.FailOn(argument: value) else { return nil }
                failOn = parsed
            case "--dialog-timeout":
                guard dialogTimeout == nil, let parsed = Double(argument: value) else { return nil }
                dialogTimeout = parsed
            case "--proxy":
                proxies.append(value)
            case "--check-route-param":
                checkRouteParams.append(value)
            default:
                return nil
            }
        }
        guard !files.isEmpty else { return nil }
        self.init(files: files, format: format, output: output, filter: filter,
                  color: color ?? AnalyzeCommand.defaultColor, threads: threads,
                  failOn: failOn ?? AnalysisArguments.defaultFailOn, proxies: proxies,
                  checkRouteParams: checkRouteParams,
                  dialogTimeout: dialogTimeout ?? AnalysisArguments.defaultDialogTimeout)
    }
}
