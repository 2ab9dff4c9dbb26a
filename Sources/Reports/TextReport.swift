import Audit
import Dialogs

/// The terminal report: per dialog its parties, proxies, route sets, each request copy with its
/// direction and what the proxy it reached would do, and the findings; then a short summary.
public struct TextReport: Sendable {
    public var fileNames: [String]
    public var style: TextStyle

    public init(fileNames: [String], style: TextStyle) {
        self.fileNames = fileNames
        self.style = style
    }

    private func fileName(_ index: Int) -> String {
        fileNames.indices.contains(index) ? fileNames[index] : String(index)
    }

    /// One dialog's block, ending with an empty line.
    public func dialogBlock(_ audit: DialogAudit) -> String {
        let dialog = audit.dialog
        var out = style.bold("Call-ID \(dialog.callID)") + "  \(dialog.method.rawValue) \(dialog.state.rawValue)"
        out += style.dim("  frames \(dialog.firstFrame)-\(dialog.lastFrame)  \(fileName(dialog.fileIndex))")
        if dialog.end != .ended { out += style.dim("  (\(dialog.end == .expired ? "expired" : "open at end of capture"))") }
        out += "\n"
        out += party("caller", dialog.caller, tag: dialog.callerTag)
        out += party("callee", dialog.callee, tag: dialog.calleeTag)
        if !dialog.earlyForks.isEmpty {
            out += "  " + style.dim("early forks  ") + dialog.earlyForks.joined(separator: ", ") + "\n"
        }
        for proxy in dialog.proxies {
            var line = "  proxy   \(proxy.primaryAddress?.description ?? "?")"
            let others = proxy.addresses.dropFirst().map(\.description)
            if !others.isEmpty { line += style.dim(" (also \(others.joined(separator: ", ")))") }
            if proxy.isDeclared { line += style.dim(" [--proxy]") }
            if !proxy.recordRoute.isEmpty {
                line += "  record-routed " + proxy.recordRoute.joined(separator: ", ")
                if proxy.isDoubleRecordRoute { line += style.dim(" (double)") }
            } else if proxy.hasRecordRouteEvidence {
                line += style.dim("  did not record-route")
            }
            out += line + "\n"
        }
        out += routeSet("caller", dialog.routeSet.caller, label: "route set")
        out += routeSet("callee", dialog.routeSet.callee, label: "         ")
        if !audit.requests.isEmpty {
            out += "  requests\n"
            for request in audit.requests { out += requestLines(request) }
        }
        if audit.findings.isEmpty {
            out += "  " + style.green("no findings") + "\n"
        } else {
            out += "  findings\n"
            for finding in audit.findings {
                let label = style.severity(finding.severity, finding.severity.rawValue.uppercased().padded(to: 7))
                out += "    \(label) \(finding.code.rawValue)  #\(finding.frame)  \(finding.message)\n"
            }
        }
        return out + "\n"
    }

    private func party(_ role: String, _ party: Party, tag: String?) -> String {
        var line = "  \(role)  \(party.uri.isEmpty ? "?" : party.uri)"
        line += style.dim("  tag \(tag ?? "-")")
        if let endpoint = party.endpoint { line += "  at \(endpoint)" }
        if let contact = party.contact { line += style.dim("  contact \(contact)") }
        return line + "\n"
    }

    private func routeSet(_ side: String, _ values: [String], label: String) -> String {
        "  \(label)  \(side): " + (values.isEmpty ? style.dim("(empty)") : values.joined(separator: ", ")) + "\n"
    }

    private func requestLines(_ request: RequestAudit) -> String {
        var line = "    " + "#\(request.frame)".padded(to: 7) + "\(request.method.rawValue) \(request.cseq)".padded(to: 12)
        line += request.direction.rawValue.padded(to: 11)
        line += "\(request.source) -> \(request.destination)"
        if request.role == .cancel || request.role == .failureACK { line += style.dim("  (\(request.role.rawValue))") }
        line += "\n"
        let indent = "           "
        line += indent + style.dim("R-URI ") + request.requestURI + style.dim("  Route ")
            + (request.route.isEmpty ? style.dim("(none)") : request.route.joined(separator: ", ")) + "\n"
        if let evaluation = request.atProxy {
            var verdict = "at \(evaluation.proxy): loose_route \(evaluation.looseRoute)"
            verdict += ", is_direction \(evaluation.ftagDirection.rawValue)"
            if evaluation.ftagDirection != request.direction { verdict += " (" + style.severity(.warning, "differs") + ")" }
            if let params = evaluation.routeParams { verdict += ", params \(params)" }
            for check in evaluation.checkRouteParam { verdict += ", \(check.regex) \(check.matches ? "matches" : "no match")" }
            verdict += ", next hop \(evaluation.nextHop)"
            if let forwarded = evaluation.forwardedFrame { verdict += ", forwarded #\(forwarded)" } else { verdict += ", not forwarded in capture" }
            if let failure = evaluation.failure { verdict += " (" + style.severity(.error, failure) + ")" }
            line += indent + verdict + "\n"
        }
        return line
    }

    /// The footer after all dialogs.
    public func summaryBlock(_ summary: AnalysisSummary) -> String {
        let errors = summary.severities[.error, default: 0]
        let warnings = summary.severities[.warning, default: 0]
        let infos = summary.severities[.info, default: 0]
        var out = style.bold("\(summary.dialogs) dialog\(summary.dialogs == 1 ? "" : "s")")
        out += " in \(summary.sipMessages) SIP messages, \(summary.frames) frames"
        out += summary.files == 1 ? "" : " (\(summary.files) files)"
        out += "; findings: "
        out += style.severity(.error, "\(errors) error\(errors == 1 ? "" : "s")") + ", "
        out += style.severity(.warning, "\(warnings) warning\(warnings == 1 ? "" : "s")") + ", "
        out += style.severity(.info, "\(infos) info") + "\n"
        for (code, count) in summary.findings.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            out += "  \(code.rawValue) \(count)\n"
        }
        if summary.nonDialogMessages > 0 {
            out += style.dim("out-of-dialog messages (not analysed): \(summary.nonDialogMessages)") + "\n"
        }
        let problems = summary.decode.filter { $0.value > 0 }.sorted { $0.key.rawValue < $1.key.rawValue }
        if !problems.isEmpty {
            out += "decode problems: " + problems.map { "\($0.key.rawValue) \($0.value)" }.joined(separator: ", ") + "\n"
            if !summary.malformedMessages.isEmpty {
                let frames = summary.malformedMessages.prefix(10).map { "#\($0.frame)" }.joined(separator: ", ")
                out += "  malformed SIP at \(frames)\(summary.malformedMessages.count > 10 ? ", ..." : "")\n"
            }
        }
        return out
    }
}

extension String {
    /// The text followed by spaces up to `width` characters (at least one space).
    func padded(to width: Int) -> String {
        count >= width ? self + " " : self + String(repeating: " ", count: width - count)
    }
}
