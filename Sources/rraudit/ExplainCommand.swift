import ArgumentParser
import Audit

/// `rraudit explain CODE`: why a finding breaks calls, how to fix it, and the rule behind it.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Explain a finding code: why it breaks calls, how to fix it, the RFC or Kamailio rule."
    )

    @Argument(help: "The finding code, e.g. RR_NO_LR (case-insensitive).")
    var code: String?

    @Flag(name: .long, help: "List every finding code with its default severity and title.")
    var list = false

    func run() throws {
        if list {
            print(FindingCatalogue.listing(), terminator: "")
            return
        }
        guard let code else {
            throw Self.usageError("explain: give a finding code or --list. Codes: \(Self.codeList)")
        }
        guard let finding = FindingCode(code: code) else {
            throw Self.usageError("explain: unknown finding code '\(code)'. Codes: \(Self.codeList)")
        }
        print(FindingCatalogue.entry(for: finding).rendered(), terminator: "")
    }

    private static var codeList: String {
        FindingCode.allCases.map(\.rawValue).joined(separator: ", ")
    }

    /// Usage error: one clear line on stderr, exit status 2 (design.md "Exit status").
    private static func usageError(_ line: String) -> ExitCode {
        printError(line)
        return ExitCode(2)
    }
}
