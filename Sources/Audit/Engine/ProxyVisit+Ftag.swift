import Routing

extension ProxyVisit {
    /// True when `loose_route` found an entry of the proxy's own (a popped local Route, or the
    /// R-URI on the strict-recovery path), so `is_direction` has parameters to read.
    var foundOwnEntry: Bool {
        evaluation.routeParams != nil && (!evaluation.removedEntries.isEmpty || evaluation.strictRecovery)
    }

    /// The ftag `is_direction()` reads (rr-spec §4, §5 get_route_param); nil when absent or empty.
    var routedFtag: String? {
        guard let params = evaluation.routeParams else { return nil }
        let section = params.hasPrefix(";") ? String(params.dropFirst()) : params
        guard let ftag = RouteParams.getRouteParam("ftag", in: section), !ftag.isEmpty else { return nil }
        return ftag
    }
}
