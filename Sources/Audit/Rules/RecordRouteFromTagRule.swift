/// FTAG_ABSENT, FTAG_NOT_INITIATOR: with `append_fromtag=1` Kamailio writes `;ftag=` with the dialog
/// initiator's tag into its Record-Route (rr-spec §2.4, kamailio #536); `is_direction()` compares
/// it with each request's From tag (§4). No ftag disables that; a wrong one inverts it.
struct RecordRouteFromTagRule: AuditRule {
    var codes: [FindingCode] { [.ftagAbsent, .ftagNotInitiator] }

    func findings(in context: AuditContext) -> [Finding] {
        context.proxies.compactMap { proxy in
            guard let first = context.recordRoute(of: proxy).first(where: \.hasURI) else { return nil }
            guard let ftag = first.ftag, !ftag.isEmpty else {
                return context.finding(
                    .ftagAbsent, frame: context.firstFrame(recordRouting: first), proxy: proxy,
                    message: "\(proxy.name) record-routes without ftag (append_fromtag=0?)",
                    evidence: [EvidenceEntry("record_route", .string(first.raw))])
            }
            guard context.dialog.initialRequest != nil, ftag != context.dialog.callerTag else { return nil }
            return context.finding(
                .ftagNotInitiator, frame: context.firstFrame(recordRouting: first), proxy: proxy,
                message: "\(proxy.name) record-routes ftag=\(ftag), not the caller's tag \(context.dialog.callerTag)",
                evidence: [EvidenceEntry("record_route", .string(first.raw)),
                           EvidenceEntry("expected_ftag", .string(context.dialog.callerTag)),
                           EvidenceEntry("observed_ftag", .string(ftag))])
        }
    }
}
