import Audit
import Dialogs

/// One dialog's card in the HTML report: call header, parties, Record-Route and route sets of
/// both sides, proxies with their rr params, findings (codes linked to their explanation), the
/// ladder diagram and the per-copy at-proxy verdicts. Every captured string is escaped.
struct HTMLDialogCard {
    var audit: DialogAudit
    var number: Int
    var fileName: String

    private func e(_ text: String) -> String { HTMLEscaping.escape(text) }

    /// The worst severity among the findings, nil when there are none.
    var worstSeverity: Severity? { audit.findings.map(\.severity).max() }

    func render() -> String {
        let dialog = audit.dialog
        let badge = worstSeverity.map { "<span class=\"badge \($0.rawValue)\">\(audit.findings.count) finding\(audit.findings.count == 1 ? "" : "s")</span>" }
            ?? "<span class=\"badge ok\">no findings</span>"
        var out = "<section class=\"card\" id=\"dialog-\(number)\">\n"
        out += "<h2><span class=\"num\">#\(number)</span> \(e(dialog.method.rawValue)) <span class=\"state \(e(dialog.state.rawValue))\">\(e(dialog.state.rawValue))</span> \(badge)</h2>\n"
        out += "<p class=\"callid\">Call-ID <code>\(e(dialog.callID))</code></p>\n"
        var meta = "frames \(dialog.firstFrame)–\(dialog.lastFrame) · \(e(dialog.firstTime.iso8601)) · \(e(fileName))"
        if dialog.end != .ended { meta += dialog.end == .expired ? " · expired" : " · open at end of capture" }
        if !dialog.earlyForks.isEmpty { meta += " · early forks: " + dialog.earlyForks.map { "<code>\(e($0))</code>" }.joined(separator: ", ") }
        out += "<p class=\"meta\">\(meta)</p>\n"
        out += parties(dialog)
        out += routeSets(dialog)
        out += proxies()
        out += findings()
        out += "<h3>Ladder</h3>\n<p class=\"legend\"><span class=\"k initial\">dialog-forming request</span> "
        out += "<span class=\"k downstream\">in-dialog, downstream</span> <span class=\"k upstream\">in-dialog, upstream</span> "
        out += "<span class=\"k response\">response</span> <span class=\"k flagged\">carries a finding</span> "
        out += "<span class=\"hint\">(hover an arrow for Route and the proxy's loose_route / is_direction)</span></p>\n"
        out += "<div class=\"ladder-wrap\">\(LadderDiagram(audit: audit).svg(idPrefix: "d\(number)"))</div>\n"
        out += requests()
        return out + "</section>\n"
    }

    private func parties(_ dialog: Dialog) -> String {
        var out = "<table class=\"kv\"><tr><th></th><th>URI</th><th>tag</th><th>seen at</th><th>Contact</th><th>remote target (where it sends)</th></tr>\n"
        let rows: [(String, Party, String?, String?)] = [
            ("caller", dialog.caller, dialog.callerTag, dialog.remoteTarget.caller),
            ("callee", dialog.callee, dialog.calleeTag, dialog.remoteTarget.callee),
        ]
        for (role, party, tag, target) in rows {
            out += "<tr><th>\(role)</th><td><code>\(e(party.uri.isEmpty ? "?" : party.uri))</code></td>"
            out += "<td><code>\(e(tag ?? "–"))</code></td><td><code>\(e(party.endpoint?.description ?? "?"))</code></td>"
            out += "<td><code>\(e(party.contact ?? "–"))</code></td><td><code>\(e(target ?? "–"))</code></td></tr>\n"
        }
        return out + "</table>\n"
    }

    private func list(_ values: [String]) -> String {
        values.isEmpty ? "<span class=\"empty\">(empty)</span>"
            : "<ol class=\"routes\">" + values.map { "<li><code>\(e($0))</code></li>" }.joined() + "</ol>"
    }

    private func routeSets(_ dialog: Dialog) -> String {
        var out = "<h3>Route sets</h3>\n<table class=\"routesets\"><tr><th>Record-Route as the caller received it</th>"
        out += "<th>caller's route set (RFC 3261 §12.1.2, reversed)</th><th>callee's route set (§12.1.1, as received)</th></tr>\n<tr>"
        out += "<td>\(list(dialog.recordRouteAtCaller))</td><td>\(list(dialog.routeSet.caller))</td><td>\(list(dialog.routeSet.callee))</td></tr></table>\n"
        return out
    }

    private func proxies() -> String {
        let dialog = audit.dialog
        guard !dialog.proxies.isEmpty || audit.proxyNames.count > dialog.proxies.count else {
            return "<h3>Proxies</h3>\n<p class=\"empty\">No proxy seen on the path.</p>\n"
        }
        var out = "<h3>Proxies</h3>\n<table class=\"proxies\"><tr><th></th><th>address</th><th>Record-Route it inserted</th><th>rr params</th></tr>\n"
        for (index, proxy) in dialog.proxies.enumerated() {
            var address = "<code>\(e(proxy.primaryAddress?.description ?? "?"))</code>"
            let others = proxy.addresses.dropFirst()
            if !others.isEmpty { address += "<br><span class=\"dim\">also " + others.map { "<code>\(e($0.description))</code>" }.joined(separator: ", ") + "</span>" }
            if proxy.isDeclared { address += " <span class=\"dim\">[--proxy]</span>" }
            var rr = proxy.recordRoute.isEmpty
                ? (proxy.hasRecordRouteEvidence ? "<span class=\"dim\">did not record-route</span>" : "<span class=\"dim\">not captured</span>")
                : list(proxy.recordRoute)
            if proxy.isDoubleRecordRoute { rr += "<span class=\"dim\">double Record-Route (RFC 5658)</span>" }
            let params = proxy.recordRouteParameters.map { parameter in
                "<code>\(e(parameter.name))\(parameter.value.map { "=" + e($0) } ?? "")</code>"
            }.joined(separator: " ")
            out += "<tr><th>proxy \(index + 1)</th><td>\(address)</td><td>\(rr)</td><td>\(params.isEmpty ? "<span class=\"dim\">–</span>" : params)</td></tr>\n"
        }
        for name in audit.proxyNames.dropFirst(dialog.proxies.count) {
            out += "<tr><th>declared</th><td><code>\(e(name))</code> <span class=\"dim\">[--proxy], not seen forwarding</span></td><td></td><td></td></tr>\n"
        }
        return out + "</table>\n"
    }

    private func findings() -> String {
        guard !audit.findings.isEmpty else { return "<h3>Findings</h3>\n<p class=\"ok\">No findings.</p>\n" }
        var out = "<h3>Findings</h3>\n<table class=\"findings\"><tr><th>severity</th><th>code</th><th>frame</th><th>message</th><th>evidence</th></tr>\n"
        for finding in audit.findings {
            let code = finding.code.rawValue
            out += "<tr class=\"\(finding.severity.rawValue)\"><td><span class=\"sev \(finding.severity.rawValue)\">\(finding.severity.rawValue)</span></td>"
            out += "<td><a href=\"#explain-\(HTMLEscaping.identifier(code))\">\(e(code))</a></td><td>#\(finding.frame)</td>"
            out += "<td>\(e(finding.message))\(finding.proxy.map { "<br><span class=\"dim\">proxy <code>\(e($0))</code></span>" } ?? "")</td><td>"
            if !finding.evidence.isEmpty {
                out += "<dl class=\"evidence\">"
                for entry in finding.evidence { out += "<dt>\(e(entry.key))</dt><dd>\(evidence(entry.value))</dd>" }
                out += "</dl>"
            }
            out += "</td></tr>\n"
        }
        return out + "</table>\n"
    }

    private func evidence(_ value: EvidenceValue) -> String {
        switch value {
        case .string(let text): "<code>\(e(text))</code>"
        case .int(let number): "\(number)"
        case .bool(let flag): flag ? "true" : "false"
        case .strings(let list): list.isEmpty ? "<span class=\"empty\">(none)</span>" : list.map { "<code>\(e($0))</code>" }.joined(separator: "<br>")
        }
    }

    private func requests() -> String {
        guard !audit.requests.isEmpty else { return "" }
        var out = "<details class=\"requests\"><summary>In-dialog requests and what each proxy would do (\(audit.requests.count) copies)</summary>\n"
        out += "<table><tr><th>frame</th><th>request</th><th>direction</th><th>src → dst</th><th>R-URI / Route</th><th>at proxy</th></tr>\n"
        for request in audit.requests {
            out += "<tr><td>#\(request.frame)</td><td>\(e(request.method.rawValue)) \(request.cseq)"
            if request.role == .cancel || request.role == .failureACK { out += " <span class=\"dim\">(\(e(request.role.rawValue)))</span>" }
            out += "</td><td><span class=\"k \(request.direction.rawValue)\">\(request.direction.rawValue)</span></td>"
            out += "<td><code>\(e(request.source.description))</code><br>→ <code>\(e(request.destination.description))</code></td>"
            out += "<td><code>\(e(request.requestURI))</code><br>Route: \(request.route.isEmpty ? "<span class=\"empty\">(none)</span>" : request.route.map { "<code>\(e($0))</code>" }.joined(separator: "<br>"))</td><td>"
            if let verdict = request.atProxy {
                out += "loose_route <b>\(verdict.looseRoute)</b>, is_direction <b>\(verdict.ftagDirection.rawValue)</b>"
                if verdict.ftagDirection != request.direction { out += " <span class=\"sev warning\">differs</span>" }
                if let params = verdict.routeParams { out += "<br>params <code>\(e(params))</code>" }
                for check in verdict.checkRouteParam { out += "<br>check_route_param(<code>\(e(check.regex))</code>) \(check.matches)" }
                out += "<br>next hop <code>\(e(verdict.nextHop))</code>"
                out += verdict.forwardedFrame.map { ", forwarded #\($0)" } ?? ", <span class=\"dim\">forwarded copy not captured</span>"
                if let failure = verdict.failure { out += "<br><span class=\"sev error\">\(e(failure))</span>" }
            } else {
                out += "<span class=\"dim\">–</span>"
            }
            out += "</td></tr>\n"
        }
        return out + "</table></details>\n"
    }
}
