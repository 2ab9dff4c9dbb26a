/// STRICT_ROUTING: when the first route set entry has `lr`, the Request-URI is the remote target
/// and Route is the whole route set (RFC 3261 §12.2.1.1). A UA putting a proxy's URI in the
/// Request-URI relies on strict-router recovery (§16.4), which Kamailio performs only when that
/// URI is local and a To tag is present (rr-spec §3.4, §6 #23).
struct StrictRoutingRule: AuditRule {
    var codes: [FindingCode] { [.strictRouting] }

    func findings(in context: AuditContext) -> [Finding] {
        context.uaRequests.filter(\.isStrictForm).map { ua in
            let ruri = ua.requestURIValue
            return context.finding(
                .strictRouting, frame: ua.copy.frame, proxy: context.owner(of: ruri),
                message: "\(ua.request.method) has the loose router \(ua.copy.requestURI) as Request-URI (strict routing)",
                evidence: [EvidenceEntry("expected_ruri", .string(ua.expectedRequestURI ?? "")),
                           EvidenceEntry("observed_ruri", .string(ua.copy.requestURI)),
                           EvidenceEntry("expected_route", .strings(ua.expectedRoute.map(\.raw))),
                           EvidenceEntry("observed_route", .strings(ua.observedRoute.map(\.raw)))])
        }
    }
}
