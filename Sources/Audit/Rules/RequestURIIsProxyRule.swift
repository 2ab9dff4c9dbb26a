/// RURI_IS_PROXY: Kamailio's `loose_route` (mode 0) takes the strict-router recovery path for any
/// request with a To tag whose Request-URI host:port is local, even when it is not a value the
/// proxy record-routed (rr-spec §3.2, §3.4, §6 #24 #25; RFC 3261 §16.4 only means the latter).
/// A Request-URI equal to one of its Record-Route values is STRICT_ROUTING's instead.
struct RequestURIIsProxyRule: AuditRule {
    var codes: [FindingCode] { [.ruriIsProxy] }

    func findings(in context: AuditContext) -> [Finding] {
        guard context.settings.looseRouteMode & 1 == 0 else { return [] }
        var reported = RequestAtProxy.Seen()
        // The requests of a dialog mostly share their Request-URI: each is read once per proxy.
        var known: [(proxy: Int, ruri: String, isMyself: Bool)] = []
        // A loop, not compactMap: each optional finding was built and destroyed.
        var findings: [Finding] = []
        for visit in context.visits {
            let ruri = visit.incoming.requestURI
            guard visit.request.role == .inDialog, visit.toTag?.isEmpty == false else { continue }
            let isMyself: Bool
            if let answered = visit.answers.requestURIIsMyself {
                // loose_route's own check_self on it (it asks for these requests unless their Route
                // or To header failed first): what the look-up below would work out again.
                isMyself = answered
            } else if let seen = known.first(where: { $0.proxy == visit.proxy.index && $0.ruri == ruri }) {
                isMyself = seen.isMyself
            } else {
                isMyself = visit.proxy.isMyself(uri: ruri)
                if known.count < 8 { known.append((visit.proxy.index, ruri, isMyself)) }
            }
            guard isMyself else { continue }
            let element = RouteValue("<\(ruri)>").element
            guard !context.recordRoute(of: visit.proxy).contains(where: { $0.element == element }),
                  reported.insert(visit.requestAtProxy)
            else { continue }
            findings.append(context.finding(
                .ruriIsProxy, frame: visit.incoming.frame, proxy: visit.proxy,
                message: "\(visit.request.method) Request-URI \(ruri) is \(visit.proxy.name) itself: loose_route takes the strict path",
                evidence: [EvidenceEntry("ruri", .string(ruri)),
                           EvidenceEntry("ruri_after", .string(visit.evaluation.ruriAfter)),
                           EvidenceEntry("next_hop", .string(visit.evaluation.nextHop))]))
        }
        return findings
    }
}
