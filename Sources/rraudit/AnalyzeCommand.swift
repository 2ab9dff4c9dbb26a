import ArgumentParser
import Capture
import Transport

/// `rraudit analyze FILE...`: decodes captures and reports what was found.
struct AnalyzeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Decode capture files (pcap, pcapng, gzip) and report their SIP traffic."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, jsonl
    }

    @Argument(help: "Capture files, merged in capture-time order.")
    var files: [String]

    @Option(help: "Output format: text or jsonl.")
    var format: Format = .text

    @Option(help: "BPF filter applied to every file (frame numbers still count every packet).")
    var filter: String?

    func run() throws {
        let pipeline: DecodePipeline
        do {
            pipeline = try DecodePipeline(paths: files, filter: filter)
        } catch {
            printError("rraudit: \(error)")
            throw ExitCode(2)
        }
        var firstFrames: [[DecodeProblemKind: [Int]]] = Array(repeating: [:], count: files.count)
        pipeline.run(emit: { _ in }, problem: { problem in
            guard problem.fileIndex < firstFrames.count else { return }
            if firstFrames[problem.fileIndex][problem.kind, default: []].count < 5 {
                firstFrames[problem.fileIndex][problem.kind, default: []].append(problem.frame)
            }
        })
        for error in pipeline.readErrors { printError("rraudit: warning: \(error)") }
        switch format {
        case .text:
            print(DecodeReportText.render(paths: files, linkTypes: pipeline.linkTypes,
                                          statistics: pipeline.fileStatistics, firstFrames: firstFrames), terminator: "")
        case .jsonl:
            print(DecodeReportText.summaryJSON(files: files.count, statistics: pipeline.statistics))
        }
    }
}
