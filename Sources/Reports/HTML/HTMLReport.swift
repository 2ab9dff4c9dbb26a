import Audit
import Transport

/// The HTML report: one self-contained file (inline CSS, inline SVG, no script, no external
/// resource) with the run's summary, a dialog index, one card per dialog with its ladder diagram,
/// and the explanations of the finding codes that occur (from the `explain` catalogue).
///
/// Dialogs arrive one at a time as the analysis reports them; each is rendered to its card at
/// once (the `DialogAudit` is not kept), and `document(summary:)` assembles the page, summary
/// first, once the run's totals are known.
public struct HTMLReport: Sendable {
    /// Names of the analysed files, indexed by file index.
    public var fileNames: [String]
    /// The page title.
    public var title: String
    /// Rendered cards, in the order dialogs were added.
    public private(set) var cards: [String] = []
    private var index: [IndexEntry] = []

    private struct IndexEntry: Sendable {
        var number: Int
        var callID: String
        var method: String
        var state: String
        var severity: Severity?
        var codes: [String]
    }

    public init(fileNames: [String], title: String = "rraudit report") {
        self.fileNames = fileNames
        self.title = title
    }

    /// Renders one dialog's card.
    public mutating func add(_ audit: DialogAudit) {
        let number = cards.count + 1
        let fileIndex = audit.dialog.fileIndex
        let card = HTMLDialogCard(audit: audit, number: number,
                                  fileName: fileNames.indices.contains(fileIndex) ? fileNames[fileIndex] : String(fileIndex))
        cards.append(card.render())
        index.append(IndexEntry(number: number, callID: audit.dialog.callID, method: audit.dialog.method.rawValue,
                                state: audit.dialog.state.rawValue, severity: card.worstSeverity,
                                codes: audit.findingCodes.map(\.rawValue)))
    }

    private func e(_ text: String) -> String { HTMLEscaping.escape(text) }

    /// The complete page.
    public func document(summary: AnalysisSummary) -> String {
        var out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        out += "<title>\(e(title))</title>\n<style>\n\(HTMLStyleSheet.css)</style>\n</head>\n<body>\n"
        out += "<header><h1>\(e(title))</h1><p class=\"files\">" + fileNames.map { "<code>\(e($0))</code>" }.joined(separator: " ") + "</p></header>\n"
        out += summarySection(summary)
        out += dialogIndex()
        out += "<main>\n" + cards.joined() + "</main>\n"
        out += explanations(Array(summary.findings.keys))
        out += "<footer>rraudit · JSON Lines schema 1 · generated from the capture; every value shown as on the wire</footer>\n"
        return out + "</body>\n</html>\n"
    }

    private func summarySection(_ summary: AnalysisSummary) -> String {
        var out = "<section class=\"summary\" id=\"summary\">\n<h2>Summary</h2>\n<div class=\"tiles\">"
        let tiles: [(String, Int, String)] = [
            ("files", summary.files, ""), ("frames", summary.frames, ""), ("SIP messages", summary.sipMessages, ""),
            ("dialogs", summary.dialogs, ""),
            ("errors", summary.severities[.error, default: 0], "error"),
            ("warnings", summary.severities[.warning, default: 0], "warning"),
            ("info", summary.severities[.info, default: 0], "info"),
        ]
        for (label, value, style) in tiles {
            out += "<div class=\"tile \(style)\"><b>\(value)</b><span>\(label)</span></div>"
        }
        out += "</div>\n"
        if summary.findings.isEmpty {
            out += "<p class=\"ok\">No findings.</p>\n"
        } else {
            out += "<h3>Findings by code</h3>\n<table class=\"bycode\"><tr><th>code</th><th>severity</th><th>count</th><th>what</th></tr>\n"
            let sorted = summary.findings.sorted { ($1.key.defaultSeverity, $0.key.rawValue) < ($0.key.defaultSeverity, $1.key.rawValue) }
            for (code, count) in sorted {
                let severity = code.defaultSeverity.rawValue
                out += "<tr><td><a href=\"#explain-\(HTMLEscaping.identifier(code.rawValue))\">\(code.rawValue)</a></td>"
                out += "<td><span class=\"sev \(severity)\">\(severity)</span></td><td>\(count)</td>"
                out += "<td>\(e(FindingCatalogue.entry(for: code).title))</td></tr>\n"
            }
            out += "</table>\n"
        }
        out += "<h3>Decoding</h3>\n"
        let problems = DecodeProblemKind.allCases.filter { summary.decode[$0, default: 0] > 0 }
        if problems.isEmpty {
            out += "<p class=\"ok\">No decode problems.</p>\n"
        } else {
            out += "<table class=\"decode\"><tr><th>problem</th><th>count</th></tr>\n"
            for kind in problems { out += "<tr><td>\(e(kind.rawValue))</td><td>\(summary.decode[kind, default: 0])</td></tr>\n" }
            out += "</table>\n"
            if !summary.malformedMessages.isEmpty {
                out += "<p>Malformed SIP: " + summary.malformedMessages.prefix(20).map { message in
                    let file = fileNames.indices.contains(message.fileIndex) ? fileNames[message.fileIndex] : String(message.fileIndex)
                    return "<span title=\"\(e(message.reason))\">\(e(file)) #\(message.frame)</span>"
                }.joined(separator: ", ") + (summary.malformedMessages.count > 20 ? ", …" : "") + "</p>\n"
            }
        }
        if summary.nonDialogMessages > 0 {
            out += "<p class=\"dim\">Out-of-dialog messages (not analysed): \(summary.nonDialogMessages)</p>\n"
        }
        return out + "</section>\n"
    }

    private func dialogIndex() -> String {
        guard !index.isEmpty else { return "<section class=\"index\"><h2>Dialogs</h2><p class=\"empty\">No dialog in the capture.</p></section>\n" }
        var out = "<section class=\"index\"><h2>Dialogs</h2>\n<table><tr><th>#</th><th>Call-ID</th><th>method</th><th>state</th><th>findings</th></tr>\n"
        for entry in index {
            let codes = entry.codes.isEmpty ? "<span class=\"ok\">none</span>"
                : entry.codes.map { "<a href=\"#explain-\(HTMLEscaping.identifier($0))\">\(e($0))</a>" }.joined(separator: " ")
            let marker = entry.severity.map { "<span class=\"sev \($0.rawValue)\">\($0.rawValue)</span> " } ?? ""
            out += "<tr><td><a href=\"#dialog-\(entry.number)\">#\(entry.number)</a></td><td><code>\(e(HTMLEscaping.truncated(entry.callID, to: 60)))</code></td>"
            out += "<td>\(e(entry.method))</td><td>\(e(entry.state))</td><td>\(marker)\(codes)</td></tr>\n"
        }
        return out + "</table></section>\n"
    }

    private func explanations(_ codes: [FindingCode]) -> String {
        guard !codes.isEmpty else { return "" }
        var out = "<section class=\"explain\" id=\"explanations\">\n<h2>What the findings mean</h2>\n"
        for code in FindingCode.allCases where codes.contains(code) {
            let entry = FindingCatalogue.entry(for: code)
            out += "<article id=\"explain-\(HTMLEscaping.identifier(code.rawValue))\">"
            out += "<h3>\(code.rawValue) <span class=\"sev \(code.defaultSeverity.rawValue)\">\(code.defaultSeverity.rawValue)</span></h3>\n"
            out += "<p class=\"title\">\(e(entry.title))</p>\n<h4>Why it breaks calls</h4><p>\(e(entry.why))</p>\n"
            out += "<h4>How to fix</h4><p>\(e(entry.fix))</p>\n<h4>Basis</h4><ul>"
            out += entry.basis.map { "<li>\(e($0))</li>" }.joined() + "</ul></article>\n"
        }
        return out + "</section>\n"
    }
}
