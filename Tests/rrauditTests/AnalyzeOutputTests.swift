import Foundation
import Testing

/// `rraudit analyze --format html --output FILE` through the built executable (stdout is
/// redirected process-wide, so it cannot run inside the test process).
@Suite struct AnalyzeOutputTests {
    static let executable = TestPaths.packageRoot.appendingPathComponent(".build/debug/rraudit")

    static func run(_ arguments: [String]) throws -> (status: Int32, stdout: String) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: executable.path), "rraudit not built at .build/debug"),
          .timeLimit(.minutes(1)))
    func htmlReportGoesToTheOutputFile() throws {
        let directory = try TestPaths.scratch("analyze-output")
        defer { try? FileManager.default.removeItem(at: directory) }
        let sample = TestPaths.samples.appendingPathComponent("indialog-no-route-to-proxy.pcap").path
        let target = directory.appendingPathComponent("report.html")
        let result = try Self.run(["analyze", sample, "--output", target.path])
        #expect(result.status == 1)  // the sample has an error finding; --fail-on error
        #expect(result.stdout.isEmpty)
        let html = try String(contentsOf: target, encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("id=\"explain-ROUTE_MISSING\""))

        let jsonl = directory.appendingPathComponent("report.jsonl")
        #expect(try Self.run(["analyze", sample, "--format", "jsonl", "--fail-on", "none", "--output", jsonl.path]).status == 0)
        let lines = try String(contentsOf: jsonl, encoding: .utf8).split(separator: "\n")
        #expect(lines.last?.hasPrefix("{\"type\":\"summary\"") == true)

        let unwritable = directory.appendingPathComponent("missing/dir/report.html").path
        #expect(try Self.run(["analyze", sample, "--output", unwritable]).status == 2)
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: executable.path), "rraudit not built at .build/debug"),
          .timeLimit(.minutes(1)))
    func oneThreadAndMoreThreadsWriteTheSameReport() throws {
        let sample = TestPaths.samples.appendingPathComponent("double-rr-udp-tcp.pcap").path
        let one = try Self.run(["analyze", sample, "--format", "jsonl", "--fail-on", "none", "--threads", "1"])
        let two = try Self.run(["analyze", sample, "--format", "jsonl", "--fail-on", "none", "--threads", "2"])
        #expect(one.status == 0 && two.status == 0)
        #expect(one.stdout.split(separator: "\n").count > 1)
        #expect(two.stdout == one.stdout)
        let text = try Self.run(["analyze", sample, "--format", "text", "--fail-on", "none", "--threads", "1"])
        #expect(!text.stdout.isEmpty)
        #expect(try Self.run(["analyze", sample, "--format", "text", "--fail-on", "none", "--threads", "2"]).stdout == text.stdout)
        let five = try Self.run(["analyze", sample, "--format", "jsonl", "--fail-on", "none", "--threads", "5"])
        #expect(five.status == 0 && five.stdout == one.stdout)
        for invalid in ["0", "65", "-1"] {
            #expect(try Self.run(["analyze", sample, "--threads", invalid]).status == 2)
        }
    }
}
