/// LOOSE_ROUTE_FAILED: `loose_route()` returns -1 when Route, Request-URI or To cannot be parsed, or
/// on the strict path when nothing follows the proxy's r2 entry (rr-spec §3.2, §3.4, §3.5); the
/// default configuration then answers 404 "Not here". A request without any Route is
/// ROUTE_MISSING's.
struct LooseRouteFailureRule: AuditRule {
    var codes: [FindingCode] { [.looseRouteFailed] }

    func findings(in context: AuditContext) -> [Finding] {
        // A loop, not compactMap: each optional finding was built and destroyed.
        var findings: [Finding] = []
        for visit in context.visits {
            guard visit.request.role == .inDialog, visit.evaluation.looseRoute < 0,
                  !visit.incoming.routeFields.isEmpty else { continue }
            let reason = visit.evaluation.failure ?? "returns \(visit.evaluation.looseRoute)"
            findings.append(context.finding(
                .looseRouteFailed, frame: visit.incoming.frame, proxy: visit.proxy,
                message: "loose_route() at \(visit.proxy.name) fails for \(visit.request.method): \(reason)",
                evidence: [EvidenceEntry("loose_route", .int(visit.evaluation.looseRoute)),
                           EvidenceEntry("reason", .string(reason)),
                           EvidenceEntry("ruri", .string(visit.incoming.requestURI)),
                           EvidenceEntry("route", .strings(visit.incoming.routeFields))]))
        }
        return findings
    }
}
