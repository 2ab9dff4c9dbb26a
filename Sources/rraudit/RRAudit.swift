import ArgumentParser
import Glibc

/// The `rraudit` command line: finds SIP routing defects in packet captures.
@main
struct RRAudit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rraudit",
        abstract: "Find SIP Record-Route / Route defects in packet captures.",
        version: "0.1.0",
        subcommands: [AnalyzeCommand.self, ExplainCommand.self, DecodeCommand.self]
    )

    /// As ArgumentParser's, except that usage errors exit 2, not 64 (design.md "Exit status":
    /// 2 for usage or input errors).
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            if exitCode(for: error) == .validationFailure {
                printError(fullMessage(for: error))
                Glibc.exit(2)
            }
            exit(withError: error)
        }
    }
}
