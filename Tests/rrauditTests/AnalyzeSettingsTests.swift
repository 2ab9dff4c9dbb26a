import ArgumentParser
import Testing
@testable import rraudit

/// `AnalyzeSettings(directArguments:)` against ArgumentParser: the same settings wherever it
/// answers, and no answer (so ArgumentParser's) for everything else.
@Suite struct AnalyzeSettingsTests {
    /// Arguments after `analyze` that the direct reader takes.
    static let plain: [[String]] = [
        ["a.pcap"],
        ["a.pcap", "b.pcapng", "c.pcap.gz"],
        ["--format", "jsonl", "--fail-on", "none", "a.pcap"],
        ["a.pcap", "--threads", "1", "b.pcap", "--format", "text"],
        ["--format", "html", "--output", "report.html", "a.pcap"],
        ["--proxy", "10.0.0.1", "x.pcap", "--proxy", "10.0.0.2:5080", "--check-route-param", "ftag=[a-z]+",
         "--check-route-param", "a|b"],
        ["--dialog-timeout", "30.5", "--color", "never", "--filter", "udp port 5060", "f.pcap"],
        ["--fail-on", "warning", "--dialog-timeout", "1e3", "--threads", "+3", "f.pcap"],
        // Accepted by the parser, refused by the run (exit 2 either way).
        ["--threads", "0", "a.pcap"],
        ["--threads", "65", "a.pcap", "--color", "purple"],
        ["--dialog-timeout", "0", "--proxy", "not-an-address", "a.pcap"],
        // Words that are subcommand names elsewhere are files here.
        ["help"],
        ["analyze", "batch"],
        ["a b.pcap", "é.pcap", "x=y.pcap"],
    ]

    /// Arguments the direct reader leaves to ArgumentParser.
    static let unusual: [[String]] = [
        [],
        ["--format", "jsonl"],
        ["--format=jsonl", "a.pcap"],
        ["-h"], ["--help", "a.pcap"], ["a.pcap", "--version"], ["a.pcap", "-help"],
        ["--format", "xml", "a.pcap"], ["--threads", "many", "a.pcap"], ["--fail-on", "fatal", "a.pcap"],
        ["--dialog-timeout", "soon", "a.pcap"], ["--format", "JSONL", "a.pcap"],
        ["--format", "jsonl", "--format", "text", "a.pcap"], ["--output", "x", "--output", "y", "a.pcap"],
        ["--threads", "1", "--threads", "2", "a.pcap"], ["--color", "never", "--color", "always", "a.pcap"],
        ["--filter", "udp", "--filter", "tcp", "a.pcap"], ["--fail-on", "none", "--fail-on", "info", "a.pcap"],
        ["--dialog-timeout", "1", "--dialog-timeout", "2", "a.pcap"],
        ["a.pcap", "--output"], ["a.pcap", "--output", "-"], ["a.pcap", "--threads", "-1"],
        ["-", "a.pcap"], ["", "a.pcap"], ["a.pcap", "--format", ""], ["--", "a.pcap"], ["a.pcap", "--", "-b.pcap"],
        ["--unknown", "x", "a.pcap"], ["-f", "x", "a.pcap"], ["--proxy", "-1", "a.pcap"],
        ["--generate-completion-script", "bash"], ["a.pcap", "--experimental-dump-help"],
    ]

    @Test(arguments: plain)
    func plainArgumentsReadAsArgumentParserDoes(_ arguments: [String]) throws {
        let parsed = try RRAudit.parseAsRoot(["analyze"] + arguments)
        let command = try #require(parsed as? AnalyzeCommand)
        let direct = try #require(AnalyzeSettings(directArguments: ArraySlice(arguments)))
        #expect(direct == command.settings)
    }

    @Test(arguments: unusual)
    func unusualArgumentsAreLeftToArgumentParser(_ arguments: [String]) {
        #expect(AnalyzeSettings(directArguments: ArraySlice(arguments)) == nil)
    }

    @Test func defaultsAreTheDeclaredOnes() throws {
        let direct = try #require(AnalyzeSettings(directArguments: ["a.pcap"]))
        #expect(direct.color == "auto" && direct.failOn == .error && direct.dialogTimeout == 3600)
        #expect(direct.format == nil && direct.output == nil && direct.filter == nil && direct.threads == nil)
        #expect(direct.proxies.isEmpty && direct.checkRouteParams.isEmpty)
    }
}
