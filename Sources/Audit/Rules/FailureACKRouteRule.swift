/// ACK_ROUTE_MISMATCH: the ACK to a non-2xx final response belongs to the INVITE transaction and
/// carries the INVITE's Request-URI and Route values (RFC 3261 §17.1.1.3), not a route set from
/// the response; otherwise the element holding the transaction never sees it acknowledged.
struct FailureACKRouteRule: AuditRule {
    var codes: [FindingCode] { [.ackRouteMismatch] }

    func findings(in context: AuditContext) -> [Finding] {
        context.requests(.failureACK).flatMap { ack in
            HopByHopComparison.differences(of: ack.copies, in: context).map { difference in
                context.finding(
                    .ackRouteMismatch, frame: difference.copy.frame,
                    proxy: context.proxy(owning: difference.copy.flow.destination),
                    message: "ACK to the failure response from \(difference.copy.source) differs from the INVITE in \(difference.whatDiffers)",
                    evidence: difference.evidence)
            }
        }
    }
}
