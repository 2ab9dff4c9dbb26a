/// What Kamailio's `loose_route()` did to one request at one proxy (rr-spec §3).
public struct LooseRouteOutcome: Sendable, Hashable {
    /// Which part of loose.c handled the request.
    public enum Path: String, Sendable, Hashable {
        /// Nothing was routed (no Route, parse failure before a path was chosen).
        case none
        /// `after_loose`: the previous hop was a loose router or the UA.
        case afterLoose
        /// `after_strict`: To tag present and the R-URI is myself (strict-router recovery).
        case afterStrict
    }

    /// Why loose_route returned -1 (or `nil` when it did not).
    public enum Failure: Sendable, Hashable {
        /// No Route header.
        case noRoute
        /// A Route header needed on the way failed to parse.
        case routeUnparsable(RouteParseError)
        /// The Request-URI failed to parse.
        case requestURIUnparsable
        /// The request has no To header.
        case noToHeader
        /// A Route URI needed on the way failed to parse.
        case routeURIUnparsable(String)
        /// Strict path: the top Route was this proxy's r2 entry and nothing followed it (RR_NOT_DRIVEN).
        case nothingAfterOwnR2Entry
    }

    /// The return code: 1 routed (`RR_DRIVEN`), -1 error / not routed, -3 preloaded route set of
    /// only local entries (removed). (2 and -2 belong to RFC 5626 flow tokens, not modelled.)
    public var returnCode: Int
    /// The path taken.
    public var path: Path
    /// Why it failed, when `returnCode == -1`.
    public var failure: Failure?
    /// The Route entries removed, top first (local entries, r2 pairs, a strict next hop, and on the
    /// strict path the remote target taken from the end).
    public var removedEntries: [RouteEntry]
    /// `$du` after the call (next hop when set), `nil` when loose_route did not set it.
    public var destinationURI: String?
    /// `$ru` after the call.
    public var requestURIAfter: String
    /// The Route header field bodies the forwarded request carries, in order, as Kamailio's lumps
    /// render them (entries cut out of a comma list, including the stray comma Kamailio leaves for
    /// `<a>,,<b>`), plus the Route appended for a strict next hop.
    public var routeAfter: [String]
    /// The send socket loose_route forced (r2 pair, or force_send_socket=1), `nil` when none.
    public var forcedSendSocket: ListeningSocket?
    /// The routed parameters Kamailio hooked (`routed_params`): the URI parameters of the first
    /// local Route entry (without the leading `;`), or of the R-URI on the strict path; when none
    /// were hooked, those of the top Route entry if it is myself. `nil` when there are none.
    /// `get_route_param` / `is_direction` read this string.
    public var routedParams: String?
    /// The exact string `check_route_param` matches: ``routedParams`` with the one `;` before it on
    /// a Route entry (loose path), without it on the strict path (R-URI params). `nil` when empty.
    public var routeParams: String?
    /// Whether the next hop comes from a Route (Kamailio's FL_ROUTE_ADDR, `rr_next_hop_route()`).
    public var nextHopFromRoute: Bool
    /// `check_self` on the Request-URI as loose_route asked it to choose the strict path; `nil`
    /// when it did not ask (no Route, unparsable top Route or R-URI, no To header or To tag,
    /// loose_route mode 1). Kept so callers need not parse the R-URI and test it again.
    public var requestURIIsMyself: Bool? = nil
    /// ``nextHop`` parsed, when it is the Request-URI loose_route parsed (the usual end of a
    /// dialog's route set); `nil` otherwise (parse ``nextHop`` then).
    public var nextHopURI: RouteURI? = nil

    /// The URI the request goes to next: `$du` if set, else the R-URI.
    public var nextHop: String { destinationURI ?? requestURIAfter }

    /// What `is_direction()` answers after this loose_route for a request with `fromTag`.
    public func ftagDirection(fromTag: String?) -> Direction {
        Direction.kamailio(routedParams: routedParams, fromTag: fromTag)
    }

    /// Whether the cfg script sees loose_route() as true (positive return code).
    public var succeeded: Bool { returnCode > 0 }
}
