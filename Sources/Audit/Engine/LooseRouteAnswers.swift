import Transport

/// What `loose_route` worked out on the way for one routed copy that at-proxy rules would
/// otherwise parse and test again: whether the Request-URI is the proxy itself (RURI_IS_PROXY)
/// and where its next hop sends the request (NEXT_HOP_WRONG, from the next hop loose_route
/// parsed). Both are `nil` when `loose_route` did not get there; the rules then work them out.
///
/// Small on purpose: it is copied out of the memo for every routed copy, and carrying the parsed
/// URI itself (two Strings and a dozen ranges) cost more in copies than the parse it saved.
struct LooseRouteAnswers: Sendable {
    /// `LooseRouteOutcome.requestURIIsMyself`.
    var requestURIIsMyself: Bool?
    /// `RouteComparison.destinations(of:)` of `LooseRouteOutcome.nextHopURI`.
    var nextHopDestinations: [Endpoint]?

    init(requestURIIsMyself: Bool? = nil, nextHopDestinations: [Endpoint]? = nil) {
        self.requestURIIsMyself = requestURIIsMyself
        self.nextHopDestinations = nextHopDestinations
    }
}
