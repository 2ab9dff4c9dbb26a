import Audit
import Transport

/// The batch index in text and JSON Lines: one row / `batch_file` record per file, in input
/// order, then the totals (`batch_summary`), worst files listed.
public enum BatchIndex {
    /// `{"type":"batch_file","file":…,"dialogs":…,"findings":{…},"decode":{…},"error":null|"…"}`.
    public static func fileLine(_ result: BatchFileResult) -> String {
        var json = JSONWriter(capacity: 512)
        json.beginObject()
        json.field("type", "batch_file")
        json.field("file", result.path)
        json.field("dialogs", result.summary?.dialogs)
        json.key("findings")
        writeCounts(&json, result.summary?.findings ?? [:])
        json.key("decode")
        writeDecode(&json, result.summary?.decode ?? [:])
        json.field("error", result.error)
        // Additions: totals a reader wants without opening the per-file report.
        json.field("frames", result.summary?.frames)
        json.field("sip_messages", result.summary?.sipMessages)
        json.key("severities")
        writeSeverities(&json, result.summary?.severities ?? [:])
        json.field("reports", strings: result.reports)
        json.endObject()
        return json.text
    }

    /// `{"type":"batch_summary",…}`: totals over every file and the worst files.
    public static func summaryLine(_ totals: BatchTotals) -> String {
        var json = JSONWriter(capacity: 1024)
        json.beginObject()
        json.field("type", "batch_summary")
        json.field("schema", 1)
        json.field("files", totals.files)
        json.field("failed_files", totals.failedFiles)
        json.field("partial_files", totals.partialFiles)
        json.field("frames", totals.frames)
        json.field("sip_messages", totals.sipMessages)
        json.field("dialogs", totals.dialogs)
        json.key("findings")
        writeCounts(&json, totals.findings)
        json.key("severities")
        writeSeverities(&json, totals.severities)
        json.key("decode")
        writeDecode(&json, totals.decode)
        json.key("worst_files")
        json.beginArray()
        for result in totals.worst {
            json.beginObject()
            json.field("file", result.path)
            json.field("error", result.findings(.error))
            json.field("warning", result.findings(.warning))
            json.field("info", result.findings(.info))
            json.endObject()
        }
        json.endArray()
        json.endObject()
        return json.text
    }

    private static func writeCounts(_ json: inout JSONWriter, _ counts: [FindingCode: Int]) {
        json.beginObject()
        for (code, count) in counts.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            json.key(text: code.rawValue)
            json.int(count)
        }
        json.endObject()
    }

    private static func writeSeverities(_ json: inout JSONWriter, _ counts: [Severity: Int]) {
        json.beginObject()
        for severity in Severity.allCases.reversed() {
            json.key(text: severity.rawValue)
            json.int(counts[severity, default: 0])
        }
        json.endObject()
    }

    private static func writeDecode(_ json: inout JSONWriter, _ counts: [DecodeProblemKind: Int]) {
        json.beginObject()
        for kind in DecodeProblemKind.allCases {
            json.key(text: kind.rawValue)
            json.int(counts[kind, default: 0])
        }
        json.endObject()
    }

    /// The header of the text table.
    public static let textHeader = "dialogs  errors  warn  info  decode  file"

    /// One row of the text table; a failed or partial file gets its error on the next line.
    public static func textRow(_ result: BatchFileResult) -> String {
        func column(_ value: Int?, _ width: Int) -> String {
            let text = value.map(String.init) ?? "-"
            return String(repeating: " ", count: max(0, width - text.count)) + text
        }
        let decode = result.summary.map { $0.decode.values.reduce(0, +) }
        var row = column(result.summary?.dialogs, 7) + column(result.summary.map { _ in result.findings(.error) }, 8)
        row += column(result.summary.map { _ in result.findings(.warning) }, 6) + column(result.summary.map { _ in result.findings(.info) }, 6)
        row += column(decode, 8) + "  " + result.path
        if let error = result.error { row += "\n" + String(repeating: " ", count: 41) + (result.failed ? "FAILED: " : "partial: ") + error }
        return row
    }

    /// The text footer: totals by code and the worst files.
    public static func textSummary(_ totals: BatchTotals) -> String {
        var out = "\(totals.files) file\(totals.files == 1 ? "" : "s")"
        if totals.failedFiles > 0 { out += " (\(totals.failedFiles) failed)" }
        if totals.partialFiles > 0 { out += " (\(totals.partialFiles) read in part)" }
        out += ", \(totals.dialogs) dialogs in \(totals.sipMessages) SIP messages; findings: "
        out += "\(totals.severities[.error, default: 0]) errors, \(totals.severities[.warning, default: 0]) warnings, \(totals.severities[.info, default: 0]) info\n"
        for (code, count) in totals.findings.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            out += "  \(code.rawValue) \(count)\n"
        }
        if !totals.worst.isEmpty {
            out += "worst files:\n"
            for result in totals.worst {
                out += "  \(result.findings(.error)) errors, \(result.findings(.warning)) warnings  \(result.path)\n"
            }
        }
        return out
    }
}
