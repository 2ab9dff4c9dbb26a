/// STRICT_NEXT_HOP_NOT_HANDLED: when the first Route left after the proxy's own entry lacks `lr`,
/// the proxy puts that URI in the Request-URI and appends the old Request-URI as the last Route
/// (RFC 3261 §16.6 step 6; Kamailio `handle_sr`, rr-spec §3.3, §6 #4). Reported when the forwarded
/// copy kept the old Request-URI.
struct StrictNextHopRule: AuditRule {
    var codes: [FindingCode] { [.strictNextHopNotHandled] }

    func findings(in context: AuditContext) -> [Finding] {
        // A loop, not compactMap: each optional finding was built and destroyed.
        var findings: [Finding] = []
        for visit in context.visits {
            guard visit.request.role == .inDialog, visit.evaluation.strictNextHop, let outgoing = visit.outgoing,
                  RouteComparison.equivalentURIs(outgoing.requestURI, visit.incoming.requestURI) else { continue }
            findings.append(context.finding(
                .strictNextHopNotHandled, frame: outgoing.frame, proxy: visit.proxy,
                message: "\(visit.proxy.name) forwarded \(visit.request.method) loosely to the strict router \(visit.evaluation.ruriAfter)",
                evidence: [EvidenceEntry("expected_ruri", .string(visit.evaluation.ruriAfter)),
                           EvidenceEntry("observed_ruri", .string(outgoing.requestURI)),
                           EvidenceEntry("expected_route", .strings(visit.evaluation.routeAfter)),
                           EvidenceEntry("observed_route", .strings(outgoing.route.map(\.raw))),
                           EvidenceEntry("received_frame", .int(visit.incoming.frame))]))
        }
        return findings
    }
}
