import Transport

/// NEXT_HOP_WRONG: after Route processing a proxy sends to the first remaining Route (loose) or
/// else to the Request-URI (RFC 3261 §16.6 step 7; Kamailio `$du`/R-URI after `loose_route`,
/// rr-spec §3.6). Only IP-literal next hops are judged (no DNS); a NAT `alias=` parameter counts as
/// the destination (nathelper `handle_ruri_alias`). A warning: scripts may override `$du`.
struct NextHopRule: AuditRule {
    var codes: [FindingCode] { [.nextHopWrong] }

    func findings(in context: AuditContext) -> [Finding] {
        // The requests of a dialog mostly share their next hop: each URI is read once.
        var known: [(nextHop: String, destinations: [Endpoint])] = []
        // A loop, not compactMap: each optional finding was built and destroyed.
        var findings: [Finding] = []
        for visit in context.visits {
            guard visit.request.role == .inDialog, visit.evaluation.looseRoute > 0, let outgoing = visit.outgoing
            else { continue }
            let nextHop = visit.evaluation.nextHop
            let expected: [Endpoint]
            if let answered = visit.answers.nextHopDestinations {
                // loose_route's own parse when the next hop is the R-URI it read: what the parse
                // below would give again.
                expected = answered
            } else if let seen = known.first(where: { $0.nextHop == nextHop }) {
                expected = seen.destinations
            } else {
                expected = RouteComparison.destinations(of: nextHop)
                if known.count < 8 { known.append((nextHop, expected)) }
            }
            guard !expected.isEmpty, !expected.contains(outgoing.flow.destination) else { continue }
            findings.append(context.finding(
                .nextHopWrong, frame: outgoing.frame, proxy: visit.proxy,
                message: "\(visit.proxy.name) sent \(visit.request.method) to \(outgoing.flow.destination), next hop is \(visit.evaluation.nextHop)",
                evidence: [EvidenceEntry("expected_next_hop", .string(visit.evaluation.nextHop)),
                           EvidenceEntry("expected_destination", .strings(expected.map(\.description))),
                           EvidenceEntry("observed_destination", .string(outgoing.destination.description)),
                           EvidenceEntry("received_frame", .int(visit.incoming.frame))]))
        }
        return findings
    }
}
