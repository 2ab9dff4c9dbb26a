import Dialogs
import SIP

/// One request copy arriving at a proxy of the dialog, with what the rr module would do with it
/// and, when captured, the copy the proxy sent on.
///
/// A class, shared rather than copied: every at-proxy rule walks the visits.
final class ProxyVisit: Sendable {
    /// What rules read of the request: a copy of the whole `DialogRequest` (its copies, hops and
    /// responses) cost a dozen retains and releases per visit.
    struct Request: Sendable {
        let method: SIPMethod
        /// With the method, names the request at a proxy (`requestAtProxy`).
        let cseq: UInt32
        let role: RequestRole
        /// The true direction, from the dialog tags.
        let direction: RequestDirection
    }

    let request: Request
    let evaluation: ProxyEvaluation
    let proxy: ProxyIdentity
    /// The copy the proxy received.
    let incoming: MessageCopy
    /// The copy it forwarded, when the capture holds it.
    let outgoing: MessageCopy?
    /// `evaluation.routeAfter`, parsed: the Route the forwarded copy must carry.
    let routeAfter: [RouteValue]
    /// The first Route entry `loose_route` removed (`evaluation.removedEntries`), parsed.
    let firstRemoved: RouteValue?
    /// What loose_route found out on the way (empty when not kept).
    let answers: LooseRouteAnswers

    init(request: Request, evaluation: ProxyEvaluation, proxy: ProxyIdentity,
         incoming: MessageCopy, outgoing: MessageCopy?, routeAfter: [RouteValue], firstRemoved: RouteValue?,
         answers: LooseRouteAnswers = LooseRouteAnswers()) {
        self.request = request
        self.evaluation = evaluation
        self.proxy = proxy
        self.incoming = incoming
        self.outgoing = outgoing
        self.routeAfter = routeAfter
        self.firstRemoved = firstRemoved
        self.answers = answers
    }

    /// The Request-URI of the forwarded copy read as a Route value (`<uri>`); nil without one.
    /// Parsed on access: only a proxy that dropped a foreign Route entry is asked.
    var forwardedRequestURI: RouteValue? {
        outgoing.map { RouteValue("<\($0.requestURI)>") }
    }

    /// The From tag of the copy the proxy received.
    var fromTag: String? { evaluation.tags.from }
    /// The To tag of the copy the proxy received.
    var toTag: String? { evaluation.tags.to }

    /// Names the request at this proxy, so a rule reports it once per proxy even when it passes
    /// the proxy twice (a loop through it) or several copies arrive.
    var requestAtProxy: RequestAtProxy {
        RequestAtProxy(method: request.method, cseq: request.cseq, proxyIndex: proxy.index)
    }
}
