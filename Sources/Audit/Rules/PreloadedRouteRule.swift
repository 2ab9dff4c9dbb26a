/// PRELOADED_ROUTE: the dialog-forming request left its UA with Route headers (RFC 3261 §8.1.2
/// outbound proxy). Kamailio's `loose_route` strips its own entries and returns -3, or follows a
/// foreign top Route, which may bypass authorization (rr-spec §3.3 notes, §6 #20–#22).
struct PreloadedRouteRule: AuditRule {
    var codes: [FindingCode] { [.preloadedRoute] }

    func findings(in context: AuditContext) -> [Finding] {
        guard let initial = context.dialog.initialRequest, let copy = context.uaCopy(of: initial) else { return [] }
        let route = copy.routeValues
        guard let top = route.first else { return [] }
        return [context.finding(
            .preloadedRoute, frame: copy.frame, proxy: context.owner(of: RouteValue(top)),
            message: "\(initial.method) left \(copy.source) with a pre-loaded Route \(top)",
            evidence: [EvidenceEntry("route", .strings(route))])]
    }
}
