/// FTAG_MISMATCH, FTAG_MISSING: at a proxy, the ftag of its own Route entry must be one of the
/// request's dialog tags (it is the initiator's tag, rr-spec §2.4) and must still be there when
/// the Record-Route had one; `is_direction()` reads it (rr-spec §4: no ftag → downstream, any
/// mismatch → upstream).
struct FromTagRouteRule: AuditRule {
    var codes: [FindingCode] { [.ftagMismatch, .ftagMissing] }

    func findings(in context: AuditContext) -> [Finding] {
        let visits = context.visits
        /// Reported once per request and proxy: the first visit the rule looks at speaks for the
        /// others. Asked only when a visit would report, so a clean dialog keeps no list of them.
        func isFirst(_ position: Int) -> Bool {
            let request = visits[position].requestAtProxy
            return !visits[..<position].contains {
                $0.request.role == .inDialog && $0.foundOwnEntry && $0.requestAtProxy == request
            }
        }
        // A loop, not compactMap: each visit's optional finding was built and destroyed.
        var findings: [Finding] = []
        for position in visits.indices {
            let visit = visits[position]
            guard visit.request.role == .inDialog, visit.foundOwnEntry else { continue }
            let fromTag = visit.fromTag, toTag = visit.toTag
            if let ftag = visit.writtenFtag {
                guard ftag != fromTag && ftag != toTag, isFirst(position) else { continue }
                findings.append(context.finding(
                    .ftagMismatch, frame: visit.incoming.frame, proxy: visit.proxy,
                    message: "\(visit.request.method) reaches \(visit.proxy.name) with ftag=\(ftag), neither the From nor the To tag",
                    evidence: [EvidenceEntry("ftag", .string(ftag)), EvidenceEntry("from_tag", .string(fromTag ?? "")),
                               EvidenceEntry("to_tag", .string(toTag ?? "")),
                               EvidenceEntry("route_params", .string(visit.evaluation.routeParams ?? ""))]))
                continue
            }
            guard let recorded = context.recordRoute(of: visit.proxy).first?.ftag, !recorded.isEmpty,
                  isFirst(position) else { continue }
            findings.append(context.finding(
                .ftagMissing, frame: visit.incoming.frame, proxy: visit.proxy,
                message: "\(visit.request.method) reaches \(visit.proxy.name) without the ftag=\(recorded) it record-routed",
                evidence: [EvidenceEntry("expected_ftag", .string(recorded)),
                           EvidenceEntry("route_params", .string(visit.evaluation.routeParams ?? ""))]))
        }
        return findings
    }
}
