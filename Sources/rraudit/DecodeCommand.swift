import ArgumentParser
import Capture
import Transport

/// `rraudit decode FILE...`: only the capture and transport stages (no SIP parsing), for measuring
/// decode throughput (Scripts/bench-decode) and checking what a capture holds.
struct DecodeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decode",
        abstract: "Decode captures to SIP payloads and print the counts (capture and transport stages only).",
        shouldDisplay: false
    )

    @Argument(help: "Capture files, merged in capture-time order.")
    var files: [String]

    @Option(help: "BPF filter applied to every file.")
    var filter: String?

    func run() throws {
        let pipeline: DecodePipeline
        do {
            pipeline = try DecodePipeline(paths: files, filter: filter)
        } catch {
            printError("rraudit: \(error)")
            throw ExitCode(2)
        }
        var bytes = 0
        // Lent, not copied: counting needs no message of its own.
        pipeline.run(lend: { bytes += $0.bytes.count }, problem: { _ in })
        for error in pipeline.readErrors { printError("rraudit: warning: \(error)") }
        let statistics = pipeline.statistics
        print("frames \(statistics.frames) sip_messages \(statistics.sipMessages) sip_bytes \(bytes) problems \(statistics.problemCount)")
    }
}
