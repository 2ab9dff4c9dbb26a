import ArgumentParser
import Glibc

/// The `rraudit` command line: finds SIP routing defects in packet captures.
@main
struct RRAudit: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rraudit",
        abstract: "Find SIP Record-Route / Route defects in packet captures.",
        version: "0.1.0",
        subcommands: [AnalyzeCommand.self, BatchCommand.self, LiveCommand.self, ExplainCommand.self, DecodeCommand.self]
    )

    /// As ArgumentParser's, except that usage errors exit 2, not 64 (design.md "Exit status":
    /// 2 for usage or input errors). `batch` is asynchronous (its files run in a task group).
    static func main() async {
        do {
            // The common `analyze` invocation skips ArgumentParser's parse (see `AnalyzeSettings(directArguments:)`).
            let arguments = CommandLine.arguments.dropFirst()
            if arguments.first == "analyze", let settings = AnalyzeSettings(directArguments: arguments.dropFirst()) {
                try settings.run()
                return
            }
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let code as ExitCode where code != .validationFailure {
            // What `exit(withError:)` does for an exit code, without first rendering the usage text
            // it then discards (`--fail-on` ends most runs here).
            Glibc.exit(code.rawValue)
        } catch {
            if exitCode(for: error) == .validationFailure {
                printError(fullMessage(for: error))
                Glibc.exit(2)
            }
            exit(withError: error)
        }
    }
}
