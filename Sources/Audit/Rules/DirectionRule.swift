/// DIRECTION_MISJUDGED: Kamailio's `is_direction()` calls a request downstream when the ftag of the
/// proxy's Route entry equals its From tag, case-sensitively, and when it finds no ftag; else
/// upstream (rr-spec §4, §6 #29–#31; kamailio #536). Reported when that answer differs from the
/// true direction given by the dialog tags, whatever the cause (ftag of the wrong party, altered
/// or lost by the UA, missed by `get_route_param`, rr-spec §5), as long as the proxy record-routed
/// with an ftag: without one `is_direction()` cannot be used at all (append_fromtag=0).
struct DirectionRule: AuditRule {
    var codes: [FindingCode] { [.directionMisjudged] }

    func findings(in context: AuditContext) -> [Finding] {
        var reported = RequestAtProxy.Seen()
        // A loop, not compactMap: each optional finding was built and destroyed.
        var findings: [Finding] = []
        for visit in context.visits {
            // The direction compare first: it settles the usual request without the proxy's values.
            guard visit.request.role == .inDialog, visit.evaluation.ftagDirection != visit.request.direction,
                  visit.foundOwnEntry, context.recordRoute(of: visit.proxy).first?.ftag != nil,
                  reported.insert(visit.requestAtProxy)
            else { continue }
            findings.append(context.finding(
                .directionMisjudged, frame: visit.incoming.frame, proxy: visit.proxy,
                message: "is_direction() at \(visit.proxy.name) calls \(visit.request.method) \(visit.evaluation.ftagDirection.rawValue), it goes \(visit.request.direction.rawValue)",
                evidence: [EvidenceEntry("true_direction", .string(visit.request.direction.rawValue)),
                           EvidenceEntry("ftag_direction", .string(visit.evaluation.ftagDirection.rawValue)),
                           EvidenceEntry("ftag", .string(visit.writtenFtag ?? "")),
                           EvidenceEntry("from_tag", .string(visit.fromTag ?? "")),
                           EvidenceEntry("route_params", .string(visit.evaluation.routeParams ?? ""))]))
        }
        return findings
    }
}
