/// RR_IPV6_UNBRACKETED, RR_UNPARSEABLE: every Record-Route value of the dialog's set-up must be a
/// name-addr Kamailio's `parse_rr` accepts (rr-spec §3.1: `<…>` required, no empty element, valid
/// URI), with IPv6 hosts in brackets (RFC 3261 §25.1; kamailio #1313).
struct RecordRouteSyntaxRule: AuditRule {
    var codes: [FindingCode] { [.rrIPv6Unbracketed, .rrUnparseable] }

    func findings(in context: AuditContext) -> [Finding] {
        context.recordRouteValues.compactMap { value in
            if value.hasURI && !value.hasUnbracketedIPv6 { return nil }  // the usual case, told first
            if value.hasUnbracketedIPv6 {
                return context.finding(
                    .rrIPv6Unbracketed,
                    frame: context.firstFrame(recordRouting: value), proxy: context.inserter(of: value),
                    message: "Record-Route \(value.raw) has an IPv6 address without brackets",
                    evidence: [EvidenceEntry("record_route", .string(value.raw))])
            }
            guard !value.hasURI else { return nil }
            let reason = value.parseError.map { "\($0)" } ?? "URI does not parse"
            return context.finding(
                .rrUnparseable,
                    frame: context.firstFrame(recordRouting: value), proxy: context.inserter(of: value),
                message: "Record-Route \(value.raw) cannot be parsed: \(reason)",
                evidence: [EvidenceEntry("record_route", .string(value.raw)), EvidenceEntry("reason", .string(reason))])
        }
    }
}
