/// RR_NO_LR, RR_LR_ON: a Record-Route value must carry `lr` (RFC 3261 §16.6 step 4); without it
/// the element is a strict router (§12.2.1.1). Kamailio's record_route* always writes it, as `;lr`,
/// or `;lr=on` with `enable_full_lr=1` (rr-spec §2.2), which some UA stacks misread (rsipstack #110).
struct RecordRouteLooseRule: AuditRule {
    var codes: [FindingCode] { [.rrNoLR, .rrLROn] }

    func findings(in context: AuditContext) -> [Finding] {
        context.recordRouteValues.compactMap { value in
            guard value.hasURI else { return nil }
            if !value.isLoose {
                return context.finding(
                    .rrNoLR,
                    frame: context.firstFrame(recordRouting: value), proxy: context.inserter(of: value),
                    message: "Record-Route \(value.raw) has no lr: strict router on the path",
                    evidence: [EvidenceEntry("record_route", .string(value.raw)),
                               EvidenceEntry("uri_params", .strings(value.parameters.map(\.text)))])
            }
            if value.lrHasValue {
                return context.finding(
                    .rrLROn,
                    frame: context.firstFrame(recordRouting: value), proxy: context.inserter(of: value),
                    message: "Record-Route \(value.raw) writes lr with a value",
                    evidence: [EvidenceEntry("record_route", .string(value.raw))])
            }
            return nil
        }
    }
}
