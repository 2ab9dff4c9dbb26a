import Audit
import Dialogs
import Foundation
import Reports
import Testing
import Transport

/// Asserts that `keys` occur in `line` as `"key":` in this order (each after the previous one).
private func expectKeysInOrder(_ line: String, _ keys: [String], sourceLocation: SourceLocation = #_sourceLocation) {
    var position = line.startIndex
    for key in keys {
        guard let range = line.range(of: "\"\(key)\":", range: position..<line.endIndex) else {
            Issue.record("missing or out of order: \(key)", sourceLocation: sourceLocation)
            return
        }
        position = range.upperBound
    }
}

private func parse(_ line: String) throws -> [String: Any] {
    let object = try JSONSerialization.jsonObject(with: Data(line.utf8))
    return try #require(object as? [String: Any])
}

@Test func dialogRecordHasEveryContractFieldInOrder() throws {
    let audit = try ReportFixtures.audit()
    let line = JSONLinesReport(fileNames: ["x.pcap"]).dialogLine(audit)
    #expect(!line.contains("\n"))
    #expect(line.hasPrefix(#"{"type":"dialog","#))
    expectKeysInOrder(line, ["type", "file", "call_id", "from_tag", "to_tag", "method", "state", "first_frame",
                             "last_frame", "caller", "uri", "contact", "endpoint", "callee", "uri", "contact", "endpoint",
                             "record_route", "route_set", "caller", "callee", "remote_target", "caller", "callee",
                             "proxies", "endpoint", "record_route", "double_rr", "params", "requests", "findings"])
    let record = try parse(line)
    #expect(record["file"] as? String == "x.pcap")
    #expect(record["call_id"] as? String == "call-\"1\"\\x")
    #expect(record["from_tag"] as? String == "A")
    #expect(record["to_tag"] as? String == "B")
    #expect(record["state"] as? String == "confirmed")
    #expect(record["first_frame"] as? Int == 1)
    #expect(record["last_frame"] as? Int == 6)
    #expect(record["record_route"] as? [String] == [ReportFixtures.rr])
    let caller = try #require(record["caller"] as? [String: Any])
    #expect(caller["endpoint"] as? String == "127.0.0.1:5061/udp")
    let proxies = try #require(record["proxies"] as? [[String: Any]])
    #expect(proxies.first?["endpoint"] as? String == "127.0.0.10:5060/udp")
    #expect(proxies.first?["params"] as? [String: String] == ["ftag": "A", "nat": "yes"])
    #expect(proxies.first?["double_rr"] as? Bool == false)
    let requests = try #require(record["requests"] as? [[String: Any]])
    #expect(requests.map { $0["frame"] as? Int } == [5, 6])
    let first = try #require(requests.first)
    #expect(first["direction"] as? String == "downstream")
    #expect(first["route"] as? [String] == ["<sip:127.0.0.10;lr;ftag=A>"])
    let atProxy = try #require(first["at_proxy"] as? [String: Any])
    #expect(atProxy["proxy"] as? String == "127.0.0.10:5060/udp")
    #expect(atProxy["forwarded_frame"] as? Int == 6)
    #expect(atProxy["check_route_param"] as? [String: Bool] == ["nat=yes": false])
    #expect(requests.last?["at_proxy"] == nil)
    #expect((record["findings"] as? [String])?.contains("ROUTE_PARAMS_CHANGED") == true)
}

@Test func requestRecordKeysFollowTheContract() throws {
    let line = JSONLinesReport(fileNames: ["x.pcap"]).dialogLine(try ReportFixtures.audit())
    let requests = try #require(line.range(of: "\"requests\":"))
    expectKeysInOrder(String(line[requests.upperBound...]),
                      ["frame", "time", "method", "cseq", "src", "dst", "direction", "ruri", "route", "at_proxy",
                       "proxy", "ftag_direction", "loose_route", "route_params", "check_route_param", "next_hop",
                       "ruri_after", "forwarded_frame"])
}

@Test func findingRecordIsOneEscapedLine() throws {
    let finding = Finding(code: .routeParamsChanged, fileIndex: 0, callID: "c\"1", frame: 5,
                          proxy: "127.0.0.10:5060/udp", message: "Route lost ;nat=yes\nthat \"P\" added",
                          evidence: [EvidenceEntry("expected", "<sip:a;nat=yes>"), EvidenceEntry("count", 2),
                                     EvidenceEntry("lost", ["nat=yes"]), EvidenceEntry("lr", true)])
    let line = JSONLinesReport(fileNames: ["x.pcap"]).findingLine(finding)
    #expect(!line.contains("\n"))
    expectKeysInOrder(line, ["type", "code", "severity", "file", "call_id", "frame", "proxy", "message", "evidence",
                             "expected", "count", "lost", "lr"])
    let record = try parse(line)
    #expect(record["type"] as? String == "finding")
    #expect(record["call_id"] as? String == "c\"1")
    #expect(record["message"] as? String == "Route lost ;nat=yes that \"P\" added")
    #expect(record["severity"] as? String == finding.severity.rawValue)
    let evidence = try #require(record["evidence"] as? [String: Any])
    #expect(evidence["count"] as? Int == 2)
    #expect(evidence["lost"] as? [String] == ["nat=yes"])
}

@Test func summaryRecordCountsFindingsAndDecodeProblems() throws {
    var summary = AnalysisSummary(files: 1)
    summary.frames = 44
    summary.sipMessages = 43
    summary.dialogs = 2
    summary.count(Finding(code: .routeMissing, fileIndex: 0, callID: "c", frame: 3, message: "m"))
    summary.count(Finding(code: .routeMissing, fileIndex: 0, callID: "c", frame: 4, message: "m"))
    summary.decode[.malformedSIP] = 1
    summary.malformedMessages = [.init(fileIndex: 0, frame: 17, reason: "malformedHeader at byte 3")]
    let line = JSONLinesReport(fileNames: ["x.pcap"]).summaryLine(summary)
    expectKeysInOrder(line, ["type", "schema", "files", "frames", "sip_messages", "dialogs", "findings", "decode",
                             "truncated", "tcp_gaps", "malformed_sip", "malformed_sip_frames"])
    let record = try parse(line)
    #expect(record["type"] as? String == "summary")
    #expect(record["schema"] as? Int == 1)
    #expect(record["findings"] as? [String: Int] == ["ROUTE_MISSING": 2])
    let decode = try #require(record["decode"] as? [String: Any])
    #expect(decode["malformed_sip"] as? Int == 1)
    #expect(decode["tcp_gaps"] as? Int == 0)
    let frames = try #require(decode["malformed_sip_frames"] as? [[String: Any]])
    #expect(frames.first?["frame"] as? Int == 17)
    #expect(summary.findings(atLeast: .error) == 2)
}

@Test func declaredProxiesNoMessageTouchedAreLeftOut() throws {
    var tracker = DialogTracker()
    var dialogs: [Dialog] = []
    for message in ReportFixtures.messages() { tracker.ingest(message) { dialogs.append($0) } }
    tracker.finish { dialogs.append($0) }
    let dialog = try #require(dialogs.first)
    let untouched = try #require(Endpoint(proxyAddress: "127.0.0.99"))
    let audit = try Auditor(declaredProxies: [TransportAddress(untouched, .udp)]).audit(dialog)
    let record = try parse(JSONLinesReport(fileNames: ["x.pcap"]).dialogLine(audit))
    let proxies = try #require(record["proxies"] as? [[String: Any]])
    #expect(proxies.map { $0["endpoint"] as? String } == ["127.0.0.10:5060/udp"])
}

/// `appendRecords` is what `analyze` writes: the dialog line and its finding lines, each ending
/// in a line feed, byte for byte what `dialogLine` and `findingLine` give.
@Test(arguments: Samples.names)
func appendedRecordsAreTheDialogAndFindingLines(sample: String) throws {
    let (audits, lines) = try Samples.analyze(sample)
    let json = JSONLinesReport(fileNames: ["\(sample).pcap"])
    var bytes: [UInt8] = Array("before\n".utf8)
    for audit in audits { json.appendRecords(of: audit, to: &bytes) }
    let expected = "before\n" + lines.dropLast().map { $0 + "\n" }.joined()  // the last line is the summary
    #expect(lines.count > 1)
    #expect(String(decoding: bytes, as: UTF8.self) == expected)
}
