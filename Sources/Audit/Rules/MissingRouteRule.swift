/// ROUTE_MISSING: with a non-empty route set every in-dialog request carries it as Route (RFC 3261
/// §12.2.1.1). Without it a record-routing Kamailio gets no Route to pop: `loose_route` returns -1
/// and the default configuration answers 404 "Not here" (rr-spec §3.2, §7 INDIALOG_NO_ROUTE).
struct MissingRouteRule: AuditRule {
    var codes: [FindingCode] { [.routeMissing] }

    func findings(in context: AuditContext) -> [Finding] {
        // A loop, not compactMap: each request's optional finding was built and destroyed.
        var findings: [Finding] = []
        for ua in context.uaRequests {
            guard !ua.expectedRoute.isEmpty, ua.observedRoute.isEmpty else { continue }
            let party = ua.request.direction == .downstream ? "caller" : "callee"
            findings.append(context.finding(
                .routeMissing, frame: ua.copy.frame, proxy: context.owner(of: ua.expectedRoute[0]),
                message: "\(ua.request.method) from the \(party) has no Route; expected \(ua.expectedRoute[0].raw) first",
                evidence: [EvidenceEntry("expected", .strings(ua.expectedRoute.map(\.raw))),
                           EvidenceEntry("observed", .strings([]))]))
        }
        return findings
    }
}
