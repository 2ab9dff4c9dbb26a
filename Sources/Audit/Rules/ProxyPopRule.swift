/// PROXY_NOT_POPPED, PROXY_POPPED_FOREIGN: a proxy removes the Route value naming it, and only
/// that (RFC 3261 §16.4; Kamailio `loose_route`, rr-spec §3.3). Checked on captured hops of
/// in-dialog requests: entries the proxy recognises as "myself" left in the forwarded copy (beyond
/// what loose_route itself keeps, rr-spec §6 #13), and foreign entries that vanished without
/// moving into the Request-URI (strict handling). Kamailio pops a foreign entry after a lone r2
/// (rr-spec §6 #12); the evidence says when the engine predicts that.
struct ProxyPopRule: AuditRule {
    var codes: [FindingCode] { [.proxyNotPopped, .proxyPoppedForeign] }

    func findings(in context: AuditContext) -> [Finding] {
        // A loop, not flatMap: each visit's (mostly empty) list was appended to the result.
        var all: [Finding] = []
        for visit in context.visits {
            guard visit.request.role == .inDialog, visit.evaluation.looseRoute > 0,
                  let outgoing = visit.outgoing else { continue }
            let proxy = visit.proxy
            let received = visit.incoming.route
            let forwarded = outgoing.route
            var findings: [Finding] = []

            // Counted first: the lists are built only for a finding.
            if forwarded.count(where: proxy.isMyself) > visit.routeAfter.count(where: proxy.isMyself) {
                let leftOver = forwarded.filter(proxy.isMyself)
                findings.append(context.finding(
                    .proxyNotPopped, frame: outgoing.frame, proxy: proxy,
                    message: "\(proxy.name) forwarded \(visit.request.method) still routed to itself via \(leftOver[0].raw)",
                    evidence: [EvidenceEntry("received_route", .strings(received.map(\.raw))),
                               EvidenceEntry("forwarded_route", .strings(forwarded.map(\.raw))),
                               EvidenceEntry("expected_route", .strings(visit.evaluation.routeAfter)),
                               EvidenceEntry("received_frame", .int(visit.incoming.frame))]))
            }

            // Only entries not the proxy's own can be lost: the elements are built for those.
            guard !received.allSatisfy(proxy.isMyself) else {
                if !findings.isEmpty { all.append(contentsOf: findings) }  // the usual visit has none
                continue
            }
            var lost = received.filter { !proxy.isMyself($0) }
            if !lost.isEmpty {
                let newRURI = RouteValue("<\(outgoing.requestURI)>").element  // the forwarded Request-URI
                let forwardedElements = Set(forwarded.map(\.element))
                lost = lost.filter { !forwardedElements.contains($0.element) && $0.element != newRURI }
            }
            if let first = lost.first {
                let predicted = visit.evaluation.removedEntries.contains(first.raw)
                findings.append(context.finding(
                    .proxyPoppedForeign, frame: outgoing.frame, proxy: proxy,
                    message: "\(proxy.name) removed \(first.raw), which is not its own, from \(visit.request.method)",
                    evidence: [EvidenceEntry("removed", .strings(lost.map(\.raw))),
                               EvidenceEntry("received_route", .strings(received.map(\.raw))),
                               EvidenceEntry("forwarded_route", .strings(forwarded.map(\.raw))),
                               EvidenceEntry("explained_by_r2", .bool(predicted)),
                               EvidenceEntry("received_frame", .int(visit.incoming.frame))]))
            }
            all.append(contentsOf: findings)
        }
        return all
    }
}
