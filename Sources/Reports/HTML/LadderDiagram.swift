import Audit
import Dialogs
import SIP

/// The SVG ladder (sequence) diagram of one dialog: one lifeline per endpoint or proxy in path
/// order (caller, proxies as the dialog-forming request crossed them, callee, then any other
/// address), one arrow per captured message copy in capture order.
///
/// In-dialog requests are coloured by their true direction (from the dialog tags), the
/// dialog-forming request is dark and responses are grey and dashed. An arrow whose frame carries
/// a finding gets a red halo and the codes in the right margin; what the proxy it reached would
/// answer (`loose_route`, `is_direction`, next hop) is its `<title>` tooltip.
public struct LadderDiagram: Sendable {
    /// One lifeline.
    public struct Lane: Sendable, Hashable {
        /// `caller`, `proxy 1`, `callee` or `other`.
        public var role: String
        /// The addresses the lane stands for, `ip:port/transport`.
        public var address: String
    }

    /// What an arrow carries, which decides its colour.
    public enum ArrowKind: String, Sendable, Hashable {
        case initial, downstream, upstream, response
    }

    /// One message copy.
    public struct Arrow: Sendable, Hashable {
        public var frame: Int
        public var from: Int
        public var to: Int
        /// `INVITE · CSeq 1` or `200 OK · CSeq 1 INVITE`.
        public var label: String
        public var kind: ArrowKind
        /// Codes of the findings reported at this frame.
        public var findings: [FindingCode]
        /// Plain text (escaped when rendered): addresses, R-URI, Route and the at-proxy verdict.
        public var tooltip: String
    }

    public private(set) var lanes: [Lane] = []
    public private(set) var arrows: [Arrow] = []

    private enum LaneKey: Hashable {
        case caller, callee, proxy(Int), other(TransportAddress)
    }

    public init(audit: DialogAudit) {
        let dialog = audit.dialog
        var entries: [(message: ObservedMessage, kind: ArrowKind, audit: RequestAudit?)] = []
        if let initial = dialog.initialRequest {
            entries += initial.copies.map { ($0, .initial, nil) }
            entries += initial.responses.map { ($0, .response, nil) }
        }
        var requestAudits: [Int: RequestAudit] = [:]
        for request in audit.requests { requestAudits[request.frame] = request }
        for request in dialog.requests {
            let kind: ArrowKind = request.direction == .downstream ? .downstream : .upstream
            entries += request.copies.map { ($0, kind, requestAudits[$0.frame]) }
            entries += request.responses.map { ($0, .response, nil) }
        }
        entries.sort { ($0.message.time, $0.message.frame) < ($1.message.time, $1.message.frame) }

        func key(_ address: TransportAddress) -> LaneKey {
            if let index = dialog.proxyIndex(owning: address) { return .proxy(index) }
            if address.endpoint == dialog.caller.endpoint?.endpoint { return .caller }
            if address.endpoint == dialog.callee.endpoint?.endpoint { return .callee }
            return .other(address)
        }
        // Path order: proxies as the dialog-forming request (else any request) reached them.
        var proxyOrder: [Int] = []
        for entry in entries where entry.kind != .response {
            if case .proxy(let index) = key(entry.message.destination), !proxyOrder.contains(index) {
                proxyOrder.append(index)
            }
        }
        proxyOrder += dialog.proxies.indices.filter { !proxyOrder.contains($0) }
        var others: [TransportAddress] = []
        for entry in entries {
            for address in [entry.message.source, entry.message.destination] {
                if case .other(let other) = key(address), !others.contains(other) { others.append(other) }
            }
        }
        var order: [LaneKey] = []
        if dialog.caller.endpoint != nil { order.append(.caller) }
        order += proxyOrder.map { .proxy($0) }
        if dialog.callee.endpoint != nil { order.append(.callee) }
        order += others.map { .other($0) }
        var laneIndex: [LaneKey: Int] = [:]
        for (index, laneKey) in order.enumerated() {
            laneIndex[laneKey] = index
            switch laneKey {
            case .caller: lanes.append(Lane(role: "caller", address: dialog.caller.endpoint?.description ?? "?"))
            case .callee: lanes.append(Lane(role: "callee", address: dialog.callee.endpoint?.description ?? "?"))
            case .proxy(let proxy):
                let address = dialog.proxies[proxy].primaryAddress?.description ?? "?"
                lanes.append(Lane(role: "proxy \(proxy + 1)", address: address))
            case .other(let address): lanes.append(Lane(role: "other", address: address.description))
            }
        }

        var findingsByFrame: [Int: [FindingCode]] = [:]
        for finding in audit.findings where finding.fileIndex == dialog.fileIndex {
            if !(findingsByFrame[finding.frame]?.contains(finding.code) ?? false) {
                findingsByFrame[finding.frame, default: []].append(finding.code)
            }
        }
        for entry in entries {
            guard let from = laneIndex[key(entry.message.source)], let to = laneIndex[key(entry.message.destination)] else { continue }
            arrows.append(Arrow(frame: entry.message.frame, from: from, to: to,
                                label: Self.label(entry.message.message), kind: entry.kind,
                                findings: findingsByFrame[entry.message.frame] ?? [],
                                tooltip: Self.tooltip(entry.message, audit: entry.audit,
                                                      findings: findingsByFrame[entry.message.frame] ?? [])))
        }
    }

    static func label(_ message: SIPMessage) -> String {
        let cseq = message.cseq
        if let status = message.statusCode {
            var text = "\(status) \(message.reasonPhrase ?? "")".trimmingSpaces
            if let cseq { text += " · CSeq \(cseq.number) \(cseq.method.rawValue)" }
            return text
        }
        var text = message.method?.rawValue ?? "?"
        if let cseq { text += " · CSeq \(cseq.number)" }
        return text
    }

    static func tooltip(_ copy: ObservedMessage, audit: RequestAudit?, findings: [FindingCode]) -> String {
        let message = copy.message
        var lines = ["frame \(copy.frame): \(copy.source) → \(copy.destination)"]
        if let uri = message.requestURI { lines.append("R-URI \(uri)") }
        let routes = message.routes
        if message.isRequest { lines.append("Route " + (routes.isEmpty ? "(none)" : routes.joined(separator: ", "))) }
        let recordRoutes = message.recordRoutes
        if !recordRoutes.isEmpty { lines.append("Record-Route " + recordRoutes.joined(separator: ", ")) }
        if let audit {
            lines.append("true direction \(audit.direction.rawValue)")
            if let verdict = audit.atProxy {
                var text = "at \(verdict.proxy): loose_route \(verdict.looseRoute), is_direction \(verdict.ftagDirection.rawValue)"
                if verdict.ftagDirection != audit.direction { text += " (differs from true direction)" }
                if let params = verdict.routeParams { text += ", route params \(params)" }
                for check in verdict.checkRouteParam { text += ", check_route_param(\(check.regex)) \(check.matches)" }
                text += ", next hop \(verdict.nextHop)"
                text += verdict.forwardedFrame.map { ", forwarded as frame \($0)" } ?? ", forwarded copy not captured"
                if let failure = verdict.failure { text += "; failure: \(failure)" }
                lines.append(text)
            }
        }
        if !findings.isEmpty { lines.append("findings: " + findings.map(\.rawValue).joined(separator: ", ")) }
        return lines.joined(separator: "\n")
    }
}

extension String {
    var trimmingSpaces: String {
        var text = Substring(self)
        while text.last == " " { text = text.dropLast() }
        while text.first == " " { text = text.dropFirst() }
        return String(text)
    }
}
