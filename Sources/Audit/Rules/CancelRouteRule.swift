/// CANCEL_ROUTE_MISMATCH: a CANCEL has the Request-URI of the INVITE it cancels and, when the
/// INVITE had Route, the same Route values (RFC 3261 §9.1), so it follows the INVITE hop by hop
/// and meets its transaction at every element.
struct CancelRouteRule: AuditRule {
    var codes: [FindingCode] { [.cancelRouteMismatch] }

    func findings(in context: AuditContext) -> [Finding] {
        context.requests(.cancel).flatMap { cancel in
            HopByHopComparison.differences(of: cancel.copies, in: context).map { difference in
                context.finding(
                    .cancelRouteMismatch, frame: difference.copy.frame,
                    proxy: context.proxy(owning: difference.copy.flow.destination),
                    message: "CANCEL from \(difference.copy.source) differs from the INVITE in \(difference.whatDiffers)",
                    evidence: difference.evidence)
            }
        }
    }
}
