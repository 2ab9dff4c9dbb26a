/// RURI_NOT_REMOTE_TARGET: the Request-URI of an in-dialog request is the remote target, i.e. the
/// peer's Contact from the dialog-forming exchange or the last target refresh (RFC 3261 §12.1,
/// §12.2.1.1), compared with §19.1.4 URI equivalence. With a strict router first in the route set
/// it is that router's URI instead.
struct RequestURIRule: AuditRule {
    var codes: [FindingCode] { [.ruriNotRemoteTarget] }

    func findings(in context: AuditContext) -> [Finding] {
        // A loop, not compactMap: each optional finding was built and destroyed.
        var findings: [Finding] = []
        for ua in context.uaRequests {
            guard !ua.isStrictForm, let expected = ua.expectedRequestURI,
                  !RouteComparison.equivalentURIs(expected, ua.copy.requestURI) else { continue }
            findings.append(context.finding(
                .ruriNotRemoteTarget, frame: ua.copy.frame,
                message: "\(ua.request.method) Request-URI \(ua.copy.requestURI) is not the remote target \(expected)",
                evidence: [EvidenceEntry("expected", .string(expected)),
                           EvidenceEntry("observed", .string(ua.copy.requestURI))]))
        }
        return findings
    }
}
