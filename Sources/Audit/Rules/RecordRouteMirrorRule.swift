/// RR_NOT_MIRRORED: the UAS must copy the Record-Route of the request into every response that
/// forms the dialog, values and order unchanged (RFC 3261 §12.1.1); the caller builds its route
/// set from that response (§12.1.2). Judged on the response copy the UAS itself sent: the one
/// leaving the element that received the last copy of the initial request, unless that element
/// turns out to be a record-routing proxy (`AuditContext.calleeIsUA`).
struct RecordRouteMirrorRule: AuditRule {
    var codes: [FindingCode] { [.rrNotMirrored] }

    func findings(in context: AuditContext) -> [Finding] {
        guard context.calleeIsUA, let received = context.initialCopies.last else { return [] }
        let expected = received.recordRoute
        let uas = received.flow.destination
        var differing: [(frame: Int, status: Int, observed: [RouteValue])] = []
        for response in context.formingResponses where response.flow.source == uas {
            let observed = response.recordRoute
            if !RouteValue.sameURIs(observed, expected) {
                differing.append((response.frame, response.statusCode ?? 0, observed))
            }
        }
        guard let first = differing.first else { return [] }
        let difference = RouteComparison.difference(expected: expected, observed: first.observed)
        var what = [difference.summary(missing: "dropped", extra: "added", reordered: "reordered the values")]
        let altered = difference.altered
        if !altered.isEmpty { what.append("altered " + altered.map { "\($0.expected.raw) to \($0.observed.raw)" }.joined(separator: ", ")) }
        what.removeAll(where: \.isEmpty)
        return [context.finding(
            .rrNotMirrored, frame: first.frame,
            message: "UAS \(received.destination) answered \(first.status) but \(what.joined(separator: "; "))",
            evidence: [EvidenceEntry("expected", .strings(expected.map(\.raw))),
                       EvidenceEntry("observed", .strings(first.observed.map(\.raw))),
                       EvidenceEntry("frames", .strings(differing.map { String($0.frame) }))])]
    }
}
