/// RR_DOUBLE_MISSING: a proxy that receives on one interface or transport and sends on another
/// should record-route once per side (RFC 5658); Kamailio does so with `enable_double_rr=1` when the
/// sockets differ in address, port or protocol (rr-spec §2.3 COND_IF_DIFF_REALMS). A TCP/TLS
/// send goes out from an ephemeral port, so ports count only when both legs are UDP.
struct DoubleRecordRouteRule: AuditRule {
    var codes: [FindingCode] { [.rrDoubleMissing] }

    func findings(in context: AuditContext) -> [Finding] {
        guard context.settings.enableDoubleRR >= 1 else { return [] }
        // A loop, not compactMap: each optional finding was built and destroyed.
        var findings: [Finding] = []
        for hop in context.initialHops {
            let outgoing = hop.outgoing
            let inserted = outgoing.recordRoute.count - hop.incoming.recordRoute.count
            guard inserted == 1 else { continue }
            let received = hop.incoming.destination, sent = outgoing.source
            let bothUDP = received.transport == .udp && sent.transport == .udp
            let differs = received.endpoint.address != sent.endpoint.address
                || received.transport != sent.transport
                || (bothUDP && received.endpoint.port != sent.endpoint.port)
            guard differs else { continue }
            let proxy = hop.proxy
            findings.append(context.finding(
                .rrDoubleMissing, frame: outgoing.frame, proxy: proxy,
                message: "\(proxy.name) received on \(received) and sent from \(sent) with one Record-Route",
                evidence: [EvidenceEntry("received_on", .string(received.description)),
                           EvidenceEntry("sent_from", .string(sent.description)),
                           EvidenceEntry("record_route", .strings(outgoing.recordRoute.prefix(1).map(\.raw)))]))
        }
        return findings
    }
}
