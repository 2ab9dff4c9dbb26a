import Dialogs
import Routing

/// What Kamailio's rr module would answer for one request copy arriving at a proxy of the dialog
/// (`requests[].at_proxy` in the JSON Lines contract): `loose_route()`, `is_direction()`,
/// `check_route_param()` and where the request must go next, judged with the proxy's "myself"
/// set built from the capture (rr-spec §7).
public struct ProxyEvaluation: Sendable, Hashable {
    /// One `--check-route-param REGEX` and whether `check_route_param()` would match.
    public struct RouteParamCheck: Sendable, Hashable {
        public var regex: String
        public var matches: Bool

        public init(regex: String, matches: Bool) {
            self.regex = regex
            self.matches = matches
        }
    }

    /// Index into `DialogAudit.proxyNames` (equal to the index in `Dialog.proxies` for the
    /// proxies the Dialogs stage found; declared-only proxies follow them).
    public var proxyIndex: Int
    /// The proxy, written `ip:port/transport` (`at_proxy.proxy`).
    public var proxy: String
    /// What `is_direction()` answers (`at_proxy.ftag_direction`): from the ftag of the proxy's own
    /// Route entry and the From tag (rr-spec §4); not necessarily the true direction.
    public var ftagDirection: RequestDirection
    /// What `loose_route()` returns (`at_proxy.loose_route`): 1, 2, -1, -2 or -3 (rr-spec §3.5).
    public var looseRoute: Int
    /// Why `loose_route()` failed, in words, when it returns -1 or -2.
    public var failure: String?
    /// The parameter string `check_route_param()` matches against (`at_proxy.route_params`),
    /// e.g. `;lr;ftag=a1;nat=yes`; nil when the proxy found no Route entry of its own.
    public var routeParams: String?
    /// One answer per `--check-route-param`, in the order given (`at_proxy.check_route_param`).
    public var checkRouteParam: [RouteParamCheck]
    /// The Route entries `loose_route()` removes, as on the wire.
    public var removedEntries: [String]
    /// Where the request must go next: `$du` when set, else the Request-URI after processing
    /// (`at_proxy.next_hop`).
    public var nextHop: String
    /// The Request-URI after `loose_route()` (`at_proxy.ruri_after`).
    public var ruriAfter: String
    /// The Route values the forwarded copy must carry, top first.
    public var routeAfter: [String]
    /// True when the next hop lacks `lr` and the proxy must rewrite the Request-URI (§16.6 step 6).
    public var strictNextHop: Bool
    /// True when `loose_route()` took the strict-router recovery path (Request-URI was myself).
    public var strictRecovery: Bool
    /// The frame of the copy this proxy sent on, when the capture holds it (`at_proxy.forwarded_frame`).
    public var forwardedFrame: Int?
    /// The From and To tags of the copy as decoded for `loose_route`, kept so rules do not decode
    /// the headers again.
    var tags = Tags(from: nil, to: nil)

    /// The dialog tags of the evaluated copy.
    struct Tags: Sendable, Hashable {
        var from: String?
        var to: String?
    }

    public init(proxyIndex: Int, proxy: String, ftagDirection: RequestDirection, looseRoute: Int,
                failure: String? = nil, routeParams: String?, checkRouteParam: [RouteParamCheck],
                removedEntries: [String], nextHop: String, ruriAfter: String, routeAfter: [String],
                strictNextHop: Bool, strictRecovery: Bool, forwardedFrame: Int?) {
        self.proxyIndex = proxyIndex
        self.proxy = proxy
        self.ftagDirection = ftagDirection
        self.looseRoute = looseRoute
        self.failure = failure
        self.routeParams = routeParams
        self.checkRouteParam = checkRouteParam
        self.removedEntries = removedEntries
        self.nextHop = nextHop
        self.ruriAfter = ruriAfter
        self.routeAfter = routeAfter
        self.strictNextHop = strictNextHop
        self.strictRecovery = strictRecovery
        self.forwardedFrame = forwardedFrame
    }
}

extension ProxyEvaluation {
    init(proxyIndex: Int, proxy: String, ftagDirection: RequestDirection, looseRoute: Int, failure: String?,
         routeParams: String?, checkRouteParam: [RouteParamCheck], removedEntries: [String], nextHop: String,
         ruriAfter: String, routeAfter: [String], strictNextHop: Bool, strictRecovery: Bool, forwardedFrame: Int?,
         tags: Tags) {
        self.init(proxyIndex: proxyIndex, proxy: proxy, ftagDirection: ftagDirection, looseRoute: looseRoute,
                  failure: failure, routeParams: routeParams, checkRouteParam: checkRouteParam,
                  removedEntries: removedEntries, nextHop: nextHop, ruriAfter: ruriAfter, routeAfter: routeAfter,
                  strictNextHop: strictNextHop, strictRecovery: strictRecovery, forwardedFrame: forwardedFrame)
        self.tags = tags
    }
}
