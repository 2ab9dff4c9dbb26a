/// RR_NOT_MIRRORED: the UAS must copy the Record-Route of the request into every response that
/// forms the dialog, values and order unchanged (RFC 3261 §12.1.1); the caller builds its route
/// set from that response (§12.1.2). Judged on the response copy the UAS itself sent: the one
/// leaving the element that received the last copy of the initial request.
struct RecordRouteMirrorRule: AuditRule {
    var codes: [FindingCode] { [.rrNotMirrored] }

    func findings(in context: AuditContext) -> [Finding] {
        guard let received = context.dialog.initialRequest?.lastCopy else { return [] }
        let expected = received.recordRouteValues.map(RouteValue.init)
        let uas = received.flow.destination
        var differing: [(frame: Int, status: Int, observed: [RouteValue])] = []
        for response in context.formingResponses where response.flow.source == uas {
            let observed = response.recordRouteValues.map(RouteValue.init)
            if observed.map(\.uriText) != expected.map(\.uriText) {
                differing.append((response.frame, response.statusCode ?? 0, observed))
            }
        }
        guard let first = differing.first else { return [] }
        let difference = RouteComparison.difference(expected: expected, observed: first.observed)
        let altered = difference.matched.filter { $0.expected.uriText != $0.observed.uriText }
        var what: [String] = []
        if !difference.missing.isEmpty { what.append("dropped " + difference.missing.map(\.raw).joined(separator: ", ")) }
        if !difference.extra.isEmpty { what.append("added " + difference.extra.map(\.raw).joined(separator: ", ")) }
        if difference.reordered { what.append("reordered the values") }
        if !altered.isEmpty { what.append("altered " + altered.map { "\($0.expected.raw) to \($0.observed.raw)" }.joined(separator: ", ")) }
        return [context.finding(
            .rrNotMirrored, frame: first.frame,
            message: "UAS \(received.destination) answered \(first.status) but \(what.joined(separator: "; "))",
            evidence: [EvidenceEntry("expected", .strings(expected.map(\.raw))),
                       EvidenceEntry("observed", .strings(first.observed.map(\.raw))),
                       EvidenceEntry("frames", .strings(differing.map { String($0.frame) }))])]
    }
}
