/// ROUTE_SET_MISMATCH, ROUTE_NOT_REVERSED: the Route of an in-dialog request is the sender's route
/// set, fixed at dialog creation: the request's Record-Route in order at the UAS (RFC 3261
/// §12.1.1), the response's Record-Route reversed at the UAC (§12.1.2), sent per §12.2.1.1.
/// Entries are compared by the element they name; parameter changes are ROUTE_PARAMS_CHANGED's.
/// A caller that kept Record-Route order is ROUTE_NOT_REVERSED (sipexer #11).
struct RouteSetRule: AuditRule {
    var codes: [FindingCode] { [.routeSetMismatch, .routeNotReversed] }

    func findings(in context: AuditContext) -> [Finding] {
        // A loop, not compactMap: each request's optional finding was built and destroyed.
        var findings: [Finding] = []
        for ua in context.uaRequests {
            guard !ua.isStrictForm, !ua.observedRoute.isEmpty || ua.expectedRoute.isEmpty,
                  ua.observedRoute != ua.expectedRoute  // the same values name the same elements
            else { continue }
            let difference = RouteComparison.difference(expected: ua.expectedRoute, observed: ua.observedRoute)
            guard !difference.isEmpty else { continue }
            let evidence = [EvidenceEntry("expected", .strings(ua.expectedRoute.map(\.raw))),
                            EvidenceEntry("observed", .strings(ua.observedRoute.map(\.raw)))]
            let reversed = ua.expectedRoute.count >= 2
                && ua.observedRoute.map(\.element) == ua.expectedRoute.reversed().map(\.element)
            if reversed && ua.request.direction == .downstream {
                findings.append(context.finding(
                    .routeNotReversed, frame: ua.copy.frame, proxy: context.owner(of: ua.observedRoute[0]),
                    message: "\(ua.request.method) from the caller lists the route set in Record-Route order, starting at \(ua.observedRoute[0].raw)",
                    evidence: evidence))
                continue
            }
            let what = difference.summary(missing: "misses", extra: "adds", reordered: "has the entries out of order")
            let blamed = difference.missing.first ?? difference.extra.first ?? ua.expectedRoute.first
            findings.append(context.finding(
                .routeSetMismatch, frame: ua.copy.frame, proxy: blamed.flatMap(context.owner(of:)),
                message: "\(ua.request.method) Route \(what)",
                evidence: evidence + [EvidenceEntry("missing", .strings(difference.missing.map(\.raw))),
                                      EvidenceEntry("extra", .strings(difference.extra.map(\.raw)))]))
        }
        return findings
    }
}
