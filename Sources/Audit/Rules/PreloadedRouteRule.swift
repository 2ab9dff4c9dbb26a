/// PRELOADED_ROUTE: the dialog-forming request left its UA with Route headers (RFC 3261 §8.1.2
/// outbound proxy). Kamailio's `loose_route` strips its own entries and returns -3, or follows a
/// foreign top Route, which may bypass authorization (rr-spec §3.3 notes, §6 #20–#22).
struct PreloadedRouteRule: AuditRule {
    var codes: [FindingCode] { [.preloadedRoute] }

    func findings(in context: AuditContext) -> [Finding] {
        guard context.callerIsUA, let initial = context.dialog.initialRequest,
              let copy = context.uaCopy(context.initialCopies), let top = copy.route.first else { return [] }
        return [context.finding(
            .preloadedRoute, frame: copy.frame, proxy: context.owner(of: top),
            message: "\(initial.method) left \(copy.source) with a pre-loaded Route \(top.raw)",
            evidence: [EvidenceEntry("route", .strings(copy.route.map(\.raw)))])]
    }
}
