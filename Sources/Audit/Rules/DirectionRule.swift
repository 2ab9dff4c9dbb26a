/// DIRECTION_MISJUDGED: Kamailio's `is_direction()` calls a request downstream when the ftag of the
/// proxy's Route entry equals its From tag, case-sensitively, else upstream (rr-spec §4, §6
/// #29–#31; kamailio #536). Reported when that answer differs from the true direction given by
/// the dialog tags and the written ftag is one of the dialog's tags (otherwise FTAG_MISMATCH says
/// more) — including when `get_route_param` misses a written ftag (rr-spec §5 quirk).
struct DirectionRule: AuditRule {
    var codes: [FindingCode] { [.directionMisjudged] }

    func findings(in context: AuditContext) -> [Finding] {
        var reported = Set<String>()
        return context.visits.compactMap { visit in
            guard visit.request.role == .inDialog, visit.foundOwnEntry, let ftag = visit.writtenFtag,
                  ftag == visit.incoming.fromTag || ftag == visit.incoming.toTag,
                  visit.evaluation.ftagDirection != visit.request.direction,
                  reported.insert("\(visit.request.cseq) \(visit.request.method) \(visit.proxy.index)").inserted
            else { return nil }
            return context.finding(
                .directionMisjudged, frame: visit.incoming.frame, proxy: visit.proxy,
                message: "is_direction() at \(visit.proxy.name) calls \(visit.request.method) \(visit.evaluation.ftagDirection.rawValue), it goes \(visit.request.direction.rawValue)",
                evidence: [EvidenceEntry("true_direction", .string(visit.request.direction.rawValue)),
                           EvidenceEntry("ftag_direction", .string(visit.evaluation.ftagDirection.rawValue)),
                           EvidenceEntry("ftag", .string(ftag)),
                           EvidenceEntry("from_tag", .string(visit.incoming.fromTag ?? "")),
                           EvidenceEntry("route_params", .string(visit.evaluation.routeParams ?? ""))])
        }
    }
}
