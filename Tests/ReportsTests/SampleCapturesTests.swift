import Audit
import Dialogs
import Foundation
import Reports
import SIP
import Testing
import Transport

/// End to end on the real captures in `samples/` (Kamailio + SIPp on loopback): the whole
/// pipeline's JSON Lines must match the reviewed `samples/<name>.expected.jsonl`, and what the
/// analyzer says Kamailio's `loose_route()` / `is_direction()` answered must match what Kamailio
/// itself wrote into the `X-RR-Check` header of the copy it sent on.
enum Samples {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("samples")

    /// Samples without an expected report, and why: an expectation that encodes a wrong situation
    /// is worse than none.
    static let withoutExpectation: [String: String] = [:]

    /// Every sample with an expected report.
    static let names: [String] = {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return files.filter { $0.hasSuffix(".expected.jsonl") }
            .map { String($0.dropLast(".expected.jsonl".count)) }.sorted()
    }()

    /// The analyzer's audits and JSON Lines for one sample.
    static func analyze(_ name: String) throws -> (audits: [DialogAudit], lines: [String]) {
        let path = directory.appendingPathComponent("\(name).pcap").path
        let pipeline = try DecodePipeline(paths: [path])
        var analysis = try Analysis(files: 1)
        let json = JSONLinesReport(fileNames: ["\(name).pcap"])
        var audits: [DialogAudit] = []
        var lines: [String] = []
        analysis.run(pipeline) { audit in
            audits.append(audit)
            lines.append(json.dialogLine(audit))
            lines += audit.findings.map(json.findingLine)
        }
        lines.append(json.summaryLine(analysis.summary))
        return (audits, lines)
    }

    /// A record as compared: a finding's wording and evidence belong to its rule's own tests, so
    /// only what it reports (code, severity, where) is compared here.
    static func comparable(_ line: String) throws -> NSDictionary {
        let object = try JSONSerialization.jsonObject(with: Data(line.utf8))
        guard var record = object as? [String: Any] else { throw CocoaError(.coderReadCorrupt) }
        if record["type"] as? String == "finding" {
            record["message"] = nil
            record["evidence"] = nil
        }
        return record as NSDictionary
    }
}

@Test func everySampleCaptureHasAnExpectedReport() throws {
    let captures = try FileManager.default.contentsOfDirectory(atPath: Samples.directory.path)
        .filter { $0.hasSuffix(".pcap") }.map { String($0.dropLast(5)) }.sorted()
    #expect(!captures.isEmpty)
    #expect(Samples.names == captures.filter { Samples.withoutExpectation[$0] == nil })
}

@Test(arguments: Samples.names)
func sampleMatchesItsExpectedReport(name: String) throws {
    let (_, lines) = try Samples.analyze(name)
    let expectedText = try String(contentsOf: Samples.directory.appendingPathComponent("\(name).expected.jsonl"), encoding: .utf8)
    let expected = expectedText.split(separator: "\n").map(String.init)
    #expect(lines.count == expected.count, "\(name): \(lines.count) records, expected \(expected.count)")
    for (index, (actual, wanted)) in zip(lines, expected).enumerated() {
        let same = try Samples.comparable(actual).isEqual(try Samples.comparable(wanted))
        #expect(same, "\(name) record \(index + 1) differs:\n  got      \(actual)\n  expected \(wanted)")
    }
}

@Test func atProxyVerdictsAgreeWithKamailiosOwnAnswers() throws {
    var checked = 0
    for name in Samples.names {
        for audit in try Samples.analyze(name).audits {
            for request in audit.requests {
                guard let verdict = request.atProxy, let forwarded = verdict.forwardedFrame,
                      let copy = audit.dialog.requests[request.requestIndex].copies.first(where: { $0.frame == forwarded }),
                      let header = copy.message.fields(HeaderName("x-rr-check")).last else { continue }
                // "loose_route=1; direction=downstream" (no direction when ftag is off).
                var answers: [String: String] = [:]
                for part in header.split(separator: ";") {
                    let pair = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                    if pair.count == 2 { answers[pair[0]] = pair[1] }
                }
                #expect(answers["loose_route"] == String(verdict.looseRoute), "\(name) frame \(request.frame)")
                if let direction = answers["direction"] {
                    #expect(direction == verdict.ftagDirection.rawValue, "\(name) frame \(request.frame)")
                }
                checked += 1
            }
        }
    }
    #expect(checked >= 20)
}
