import ArgumentParser

/// The `rraudit` command line: finds SIP routing defects in packet captures.
@main
struct RRAudit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rraudit",
        abstract: "Find SIP Record-Route / Route defects in packet captures.",
        version: "0.1.0",
        subcommands: [AnalyzeCommand.self, ExplainCommand.self, DecodeCommand.self]
    )
}
