/// RR_R2_UNPAIRED: Kamailio marks a double Record-Route (RFC 5658) with `r2` on both values and
/// `loose_route` pops the second entry only when the first local one has `r2` (rr-spec §2.3, §3.3).
/// A lone `r2` makes it pop a foreign entry (§6 #12); two values without `r2` on the first are
/// popped one pass at a time (§6 #13).
struct R2PairRule: AuditRule {
    var codes: [FindingCode] { [.rrR2Unpaired] }

    func findings(in context: AuditContext) -> [Finding] {
        // A loop, not compactMap: each optional finding was built and destroyed.
        var findings: [Finding] = []
        for proxy in context.proxies {
            let values = context.recordRoute(of: proxy)
            guard let first = values.first else { continue }
            // Counted first: a pair with r2 on both values (or none with r2 and a single value)
            // is fine, and the list is built only for a finding.
            let r2Count = values.count(where: \.hasR2)
            guard r2Count == 1 || (values.count >= 2 && !first.hasR2) else { continue }
            let withR2 = values.filter(\.hasR2)
            let problem: String
            if withR2.count == 1 && values.count == 1 {
                problem = "single Record-Route \(first.raw) carries r2"
            } else if withR2.count == 1 {
                problem = "only \(withR2[0].raw) of its \(values.count) Record-Route values carries r2"
            } else if values.count >= 2 && !first.hasR2 {
                problem = "double Record-Route without r2 on the first value \(first.raw)"
            } else {
                continue
            }
            findings.append(context.finding(
                .rrR2Unpaired, frame: context.firstFrame(recordRouting: first), proxy: proxy,
                message: "\(proxy.name): \(problem)",
                evidence: [EvidenceEntry("record_route", .strings(values.map(\.raw))),
                           EvidenceEntry("r2_values", .int(withR2.count))]))
        }
        return findings
    }
}
