import Dialogs

/// RR_CHANGED_IN_TRANSIT: a proxy adds its own Record-Route value above the others and leaves the
/// rest alone (RFC 3261 §16.6 step 4); in responses it may rewrite only its own value (§16.7
/// step 9). Checked on every captured hop of the initial request and of the dialog-forming
/// responses.
struct RecordRouteTransitRule: AuditRule {
    var codes: [FindingCode] { [.rrChangedInTransit] }

    func findings(in context: AuditContext) -> [Finding] {
        requestFindings(context) + responseFindings(context)
    }

    /// The forwarded request must end with the received Record-Route, unchanged.
    private func requestFindings(_ context: AuditContext) -> [Finding] {
        context.initialHops.compactMap { hop in
            let outgoing = hop.outgoing
            let before = hop.incoming.recordRoute
            let after = outgoing.recordRoute
            let kept = after.suffix(before.count)
            guard after.count < before.count || !RouteValue.sameURIs(kept, before) else { return nil }
            let proxy = hop.proxy
            return context.finding(
                .rrChangedInTransit, frame: outgoing.frame, proxy: proxy,
                message: "\(proxy.name) changed Record-Route values of other elements while forwarding \(context.dialog.method)",
                evidence: [EvidenceEntry("received", .strings(before.map(\.raw))),
                           EvidenceEntry("forwarded", .strings(after.map(\.raw))),
                           EvidenceEntry("received_frame", .int(hop.incoming.frame))])
        }
    }

    /// A response copy leaving a proxy must carry the values of the copy that reached it, except
    /// those naming the proxy itself.
    private func responseFindings(_ context: AuditContext) -> [Finding] {
        let responses = context.formingResponses
        var findings: [Finding] = []
        for proxy in context.proxies {
            for arriving in responses where proxy.owns(arriving.flow.destination) {
                func isCandidate(_ leaving: MessageCopy) -> Bool {
                    proxy.owns(leaving.flow.source) && leaving.statusCode == arriving.statusCode
                        && leaving.time >= arriving.time
                }
                // Whichever candidate the Via depth picks, the same values are the same after leaving
                // out the proxy's own: when all carry what arrived, the Vias need not be counted (nor
                // the candidates listed).
                guard !responses.allSatisfy({ leaving in
                    !isCandidate(leaving)
                        || arriving.recordRoute.elementsEqual(leaving.recordRoute, by: { $0.isIdentical(to: $1) })
                }) else { continue }
                let candidates = responses.filter(isCandidate)
                let arrivingVias = arriving.viaCount
                guard let leaving = candidates.first(where: { $0.viaCount + 1 == arrivingVias }) else { continue }
                let before = arriving.recordRoute.filter { !proxy.isMyself($0) }
                let after = leaving.recordRoute.filter { !proxy.isMyself($0) }
                guard !RouteValue.sameURIs(before, after) else { continue }
                findings.append(context.finding(
                    .rrChangedInTransit, frame: leaving.frame, proxy: proxy,
                    message: "\(proxy.name) changed Record-Route values of other elements in the \(leaving.statusCode ?? 0) response",
                    evidence: [EvidenceEntry("received", .strings(before.map(\.raw))),
                               EvidenceEntry("forwarded", .strings(after.map(\.raw))),
                               EvidenceEntry("received_frame", .int(arriving.frame))]))
            }
        }
        return findings
    }
}
