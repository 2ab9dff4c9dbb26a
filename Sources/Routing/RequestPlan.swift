/// The Request-URI and Route header a UA should send in a dialog (RFC 3261 §12.2.1.1).
public struct RequestPlan: Sendable, Hashable {
    /// How the first hop is addressed.
    public enum FirstHop: String, Sendable, Hashable {
        /// Empty route set: straight to the remote target.
        case direct
        /// The first route entry has `lr`: R-URI = remote target, Route = whole set.
        case loose
        /// The first route entry lacks `lr`: R-URI = first entry's URI, Route = the rest plus the
        /// remote target appended last.
        case strict
    }

    /// The Request-URI to send.
    public let requestURI: String
    /// The Route values to send, in order.
    public let route: [String]
    /// How the first hop is addressed.
    public let firstHop: FirstHop

    /// Builds the plan for `routeSet` and `remoteTarget`.
    public init(routeSet: RouteSet, remoteTarget: String) {
        guard let first = routeSet.entries.first else {
            requestURI = remoteTarget
            route = []
            firstHop = .direct
            return
        }
        if first.isLoose {
            requestURI = remoteTarget
            route = routeSet.values
            firstHop = .loose
        } else {
            // §12.2.1.1: parameters not allowed in a Request-URI are stripped; for a SIP URI that
            // leaves the URI itself (headers are not allowed, so they are removed).
            let uri = first.uriText
            requestURI = String(uri.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
            route = Array(routeSet.values.dropFirst()) + ["<\(remoteTarget)>"]
            firstHop = .strict
        }
    }
}
