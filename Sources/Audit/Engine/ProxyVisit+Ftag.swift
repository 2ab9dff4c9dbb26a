extension ProxyVisit {
    /// True when `loose_route` popped a Route entry of the proxy's own, so `is_direction` reads
    /// that entry's parameters. The strict-recovery path (parameters read from the Request-URI) is
    /// left out: STRICT_ROUTING or RURI_IS_PROXY already report that request.
    var foundOwnEntry: Bool {
        evaluation.routeParams != nil && !evaluation.removedEntries.isEmpty && !evaluation.strictRecovery
    }

    /// The ftag written in the proxy's own Route entry that `loose_route` popped.
    var writtenFtag: String? {
        firstRemoved?.ftag
    }
}
