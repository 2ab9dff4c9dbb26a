/// ROUTE_PARAMS_CHANGED: Route entries keep every URI parameter of the Record-Route value (RFC 3261
/// §12.1.1/§12.1.2; §16.6 step 4 lets a proxy add parameters it wants back). Losing `lr` makes the
/// entry a strict router and losing `r2` breaks Kamailio's pair popping (error); other changes
/// defeat `check_route_param`/`get_route_param` (warning; rr-spec §5, §7 RS_PARAMS_LOST). A lost
/// ftag alone is FTAG_MISSING's, judged at the proxy.
struct RouteParamsRule: AuditRule {
    var codes: [FindingCode] { [.routeParamsChanged] }

    func findings(in context: AuditContext) -> [Finding] {
        context.uaRequests.flatMap { ua -> [Finding] in
            // The same values in the same order have the same parameters: nothing to compare.
            guard !ua.isStrictForm, ua.expectedRoute != ua.observedRoute else { return [] }
            return RouteComparison.difference(expected: ua.expectedRoute, observed: ua.observedRoute).matched
                .compactMap { pair -> Finding? in
                    let changes = RouteComparison.parameterChanges(expected: pair.expected, observed: pair.observed)
                        .filter { !($0.name == "ftag" && !$0.isPresent) }
                    guard !changes.isEmpty else { return nil }
                    let routing = changes.contains { ($0.name == "lr" || $0.name == "r2") && !$0.isPresent }
                    return context.finding(
                        .routeParamsChanged, severity: routing ? .error : .warning, frame: ua.copy.frame,
                        proxy: context.owner(of: pair.expected),
                        message: "\(ua.request.method) Route \(pair.observed.raw) changed \(changes.map(\.text).joined(separator: ", ")) of \(pair.expected.raw)",
                        evidence: [EvidenceEntry("expected", .string(pair.expected.raw)),
                                   EvidenceEntry("observed", .string(pair.observed.raw)),
                                   EvidenceEntry("changes", .strings(changes.map(\.text)))])
                }
        }
    }
}
