import Audit

/// `index.html` of a batch run: one row per file linking its HTML report, totals by code, worst
/// files first. Self-contained like the per-file reports.
public enum BatchIndexHTML {
    private static func e(_ text: String) -> String { HTMLEscaping.escape(text) }

    /// The page. `link` gives the per-file HTML report's name relative to the index, if written.
    public static func document(results: [BatchFileResult], totals: BatchTotals,
                                link: (BatchFileResult) -> String?) -> String {
        var out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>rraudit batch</title>\n"
        out += "<style>\n\(HTMLStyleSheet.css)</style>\n</head>\n<body>\n<header><h1>rraudit batch</h1></header>\n"
        out += "<section class=\"summary\"><h2>Summary</h2><div class=\"tiles\">"
        let tiles: [(String, Int, String)] = [
            ("files", totals.files, ""), ("failed", totals.failedFiles, totals.failedFiles > 0 ? "error" : ""),
            ("dialogs", totals.dialogs, ""), ("SIP messages", totals.sipMessages, ""),
            ("errors", totals.severities[.error, default: 0], "error"),
            ("warnings", totals.severities[.warning, default: 0], "warning"),
            ("info", totals.severities[.info, default: 0], "info"),
        ]
        for (label, value, style) in tiles { out += "<div class=\"tile \(style)\"><b>\(value)</b><span>\(label)</span></div>" }
        out += "</div>\n"
        if !totals.findings.isEmpty {
            out += "<h3>Findings by code</h3><table class=\"bycode\"><tr><th>code</th><th>severity</th><th>count</th><th>what</th></tr>\n"
            for (code, count) in totals.findings.sorted(by: { ($1.key.defaultSeverity, $0.key.rawValue) < ($0.key.defaultSeverity, $1.key.rawValue) }) {
                out += "<tr><td>\(code.rawValue)</td><td><span class=\"sev \(code.defaultSeverity.rawValue)\">\(code.defaultSeverity.rawValue)</span></td>"
                out += "<td>\(count)</td><td>\(e(FindingCatalogue.entry(for: code).title))</td></tr>\n"
            }
            out += "</table>\n"
        }
        out += "</section>\n<section class=\"index\"><h2>Files</h2>\n<table><tr><th>file</th><th>dialogs</th><th>errors</th><th>warnings</th><th>info</th><th>decode problems</th><th>codes</th></tr>\n"
        for result in results.sorted(by: BatchFileResult.isWorse) {
            let name = link(result).map { "<a href=\"\(e(percentEncoded($0)))\">\(e(result.path))</a>" } ?? e(result.path)
            out += "<tr\(result.failed ? " class=\"error\"" : "")><td>\(name)"
            if let error = result.error { out += "<br><span class=\"sev \(result.failed ? "error" : "warning")\">\(result.failed ? "failed" : "partial")</span> <span class=\"dim\">\(e(error))</span>" }
            guard let summary = result.summary else { out += "</td><td colspan=\"6\"></td></tr>\n"; continue }
            out += "</td><td>\(summary.dialogs)</td><td>\(result.findings(.error))</td><td>\(result.findings(.warning))</td><td>\(result.findings(.info))</td>"
            out += "<td>\(summary.decode.values.reduce(0, +))</td><td>"
            out += summary.findings.keys.map(\.rawValue).sorted().joined(separator: " ") + "</td></tr>\n"
        }
        return out + "</table></section>\n</body>\n</html>\n"
    }

    /// A relative file name as a URL path: characters outside the unreserved set and `/`
    /// percent-encoded (RFC 3986 §2.1), so `#` or `?` in a capture's name cannot break the link.
    static func percentEncoded(_ name: String) -> String {
        var out = ""
        for byte in name.utf8 {
            let unreserved = (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
                || byte == 0x2D || byte == 0x2E || byte == 0x5F || byte == 0x7E || byte == 0x2F
            if unreserved { out.unicodeScalars.append(Unicode.Scalar(byte)) } else {
                let hex = Array("0123456789ABCDEF")
                out += "%" + String(hex[Int(byte >> 4)]) + String(hex[Int(byte & 0xF)])
            }
        }
        return out
    }
}
