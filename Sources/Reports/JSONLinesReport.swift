import Audit
import Dialogs
import Transport

/// Writes the JSON Lines contract of design.md: one `dialog` record per dialog followed by its
/// `finding` records, and one `summary` record last. `"type"` comes first and keys always come in
/// the same order; fields the contract lists are always present (null when unknown).
public struct JSONLinesReport: Sendable {
    /// Names written in `"file"`, indexed by the messages' file index.
    public var fileNames: [String]

    public init(fileNames: [String]) {
        self.fileNames = fileNames
    }

    private func fileName(_ index: Int) -> String {
        fileNames.indices.contains(index) ? fileNames[index] : String(index)
    }

    /// The `dialog` record.
    public func dialogLine(_ audit: DialogAudit) -> String {
        var json = JSONWriter(capacity: 2048)
        writeDialog(audit, to: &json)
        return json.text
    }

    /// Appends the `dialog` record and the `finding` records that follow it, each ending in a
    /// line feed: the whole of one dialog's output, without a String per record (`analyze`
    /// writes millions of records through here).
    public func appendRecords(of audit: DialogAudit, to bytes: inout [UInt8]) {
        var json = JSONWriter(capacity: 8192)
        writeDialog(audit, to: &json)
        json.newline()
        for finding in audit.findings {
            writeFinding(finding, to: &json)
            json.newline()
        }
        json.append(to: &bytes)
    }

    private func writeDialog(_ audit: DialogAudit, to json: inout JSONWriter) {
        let dialog = audit.dialog
        json.beginObject()
        json.field("type", "dialog")
        json.field("file", fileName(dialog.fileIndex))
        json.field("call_id", dialog.callID)
        json.field("from_tag", dialog.callerTag)
        json.field("to_tag", dialog.calleeTag)
        json.field("method", dialog.method.rawValue)
        json.field("state", dialog.state.rawValue)
        json.field("first_frame", dialog.firstFrame)
        json.field("last_frame", dialog.lastFrame)
        writeParty(&json, "caller", dialog.caller)
        writeParty(&json, "callee", dialog.callee)
        json.field("record_route", strings: dialog.recordRouteAtCaller)
        json.key("route_set")
        json.beginObject()
        json.field("caller", strings: dialog.routeSet.caller)
        json.field("callee", strings: dialog.routeSet.callee)
        json.endObject()
        json.key("remote_target")
        json.beginObject()
        json.field("caller", dialog.remoteTarget.caller)
        json.field("callee", dialog.remoteTarget.callee)
        json.endObject()
        json.key("proxies")
        json.beginArray()
        for proxy in dialog.proxies { writeProxy(&json, proxy) }
        // Declared proxies the audit evaluated a request at although no hop revealed them (the
        // others were never touched by this dialog and would only be noise).
        // (Usually every declared proxy was revealed: no set to build then.)
        let evaluated = audit.proxyNames.count > dialog.proxies.count
            ? Set(audit.requests.compactMap { $0.atProxy?.proxyIndex }) : []
        for (index, name) in audit.proxyNames.enumerated().dropFirst(dialog.proxies.count) where evaluated.contains(index) {
            json.beginObject()
            json.field("endpoint", name)
            json.field("record_route", strings: [])
            json.field("double_rr", false)
            json.key("params"); json.beginObject(); json.endObject()
            json.field("addresses", strings: [name])
            json.field("declared", true)
            json.endObject()
        }
        json.endArray()
        json.key("requests")
        json.beginArray()
        for request in audit.requests { writeRequest(&json, request) }
        json.endArray()
        json.field("findings", strings: audit.findingCodes.map(\.rawValue))
        // Additions to the contract (allowed: fields may be added).
        json.field("early_forks", strings: dialog.earlyForks)
        json.field("end", dialog.end.rawValue)
        json.endObject()
    }

    private func writeParty(_ json: inout JSONWriter, _ name: StaticString, _ party: Party) {
        json.key(name)
        json.beginObject()
        json.field("uri", party.uri)
        json.field("contact", party.contact)
        json.field("endpoint", address: party.endpoint)
        json.endObject()
    }

    private func writeProxy(_ json: inout JSONWriter, _ proxy: Proxy) {
        json.beginObject()
        json.field("endpoint", address: proxy.primaryAddress)
        json.field("record_route", strings: proxy.recordRoute)
        json.field("double_rr", proxy.isDoubleRecordRoute)
        json.key("params")
        json.beginObject()
        for parameter in proxy.recordRouteParameters {
            json.key(text: parameter.name)
            if let value = parameter.value { json.string(value) } else { json.bool(true) }
        }
        json.endObject()
        json.field("addresses", addresses: proxy.addresses)
        json.field("declared", proxy.isDeclared)
        json.endObject()
    }

    private func writeRequest(_ json: inout JSONWriter, _ request: RequestAudit) {
        json.beginObject()
        json.field("frame", request.frame)
        json.key("time")
        json.time(request.time)
        json.field("method", request.method.rawValue)
        json.field("cseq", Int(request.cseq))
        json.field("src", address: request.source)
        json.field("dst", address: request.destination)
        json.field("direction", request.direction.rawValue)
        json.field("ruri", request.requestURI)
        json.field("route", strings: request.route)
        if let evaluation = request.atProxy {
            json.key("at_proxy")
            json.beginObject()
            json.field("proxy", evaluation.proxy)
            json.field("ftag_direction", evaluation.ftagDirection.rawValue)
            json.field("loose_route", evaluation.looseRoute)
            json.field("route_params", evaluation.routeParams)
            json.key("check_route_param")
            json.beginObject()
            for check in evaluation.checkRouteParam { json.key(text: check.regex); json.bool(check.matches) }
            json.endObject()
            json.field("next_hop", evaluation.nextHop)
            json.field("ruri_after", evaluation.ruriAfter)
            json.field("forwarded_frame", evaluation.forwardedFrame)
            json.field("failure", evaluation.failure)
            json.endObject()
        }
        json.field("role", request.role.rawValue)
        json.endObject()
    }

    /// A `finding` record.
    public func findingLine(_ finding: Finding) -> String {
        var json = JSONWriter(capacity: 512)
        writeFinding(finding, to: &json)
        return json.text
    }

    private func writeFinding(_ finding: Finding, to json: inout JSONWriter) {
        json.beginObject()
        json.field("type", "finding")
        json.field("code", finding.code.rawValue)
        json.field("severity", finding.severity.rawValue)
        json.field("file", fileName(finding.fileIndex))
        json.field("call_id", finding.callID)
        json.field("frame", finding.frame)
        json.field("proxy", finding.proxy)
        json.field("message", finding.message)
        json.key("evidence")
        json.beginObject()
        for entry in finding.evidence {
            json.key(text: entry.key)
            switch entry.value {
            case .string(let text): json.string(text)
            case .int(let number): json.int(number)
            case .bool(let flag): json.bool(flag)
            case .strings(let list):
                json.beginArray()
                for item in list { json.string(item) }
                json.endArray()
            }
        }
        json.endObject()
        json.endObject()
    }

    /// The `summary` record, last of a run.
    public func summaryLine(_ summary: AnalysisSummary) -> String {
        var json = JSONWriter()
        json.beginObject()
        json.field("type", "summary")
        json.field("schema", 1)
        json.field("files", summary.files)
        json.field("frames", summary.frames)
        json.field("sip_messages", summary.sipMessages)
        json.field("dialogs", summary.dialogs)
        json.key("findings")
        json.beginObject()
        for (code, count) in summary.findings.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            json.key(text: code.rawValue)
            json.int(count)
        }
        json.endObject()
        json.key("decode")
        json.beginObject()
        for kind in DecodeProblemKind.allCases { json.key(text: kind.rawValue); json.int(summary.decode[kind, default: 0]) }
        json.key("malformed_sip_frames")
        json.beginArray()
        for message in summary.malformedMessages {
            json.beginObject()
            json.field("file", fileName(message.fileIndex))
            json.field("frame", message.frame)
            json.field("reason", message.reason)
            json.endObject()
        }
        json.endArray()
        json.endObject()
        json.key("severities")
        json.beginObject()
        for severity in Severity.allCases.reversed() {
            json.key(text: severity.rawValue)
            json.int(summary.severities[severity, default: 0])
        }
        json.endObject()
        json.field("non_dialog_messages", summary.nonDialogMessages)
        json.field("unusable_messages", summary.unusableMessages)
        json.field("peak_open_calls", summary.peakOpenCalls)
        json.endObject()
        return json.text
    }
}
