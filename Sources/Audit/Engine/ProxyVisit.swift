import Dialogs

/// One request copy arriving at a proxy of the dialog, with what the rr module would do with it
/// and, when captured, the copy the proxy sent on.
struct ProxyVisit: Sendable {
    var request: DialogRequest
    var audit: RequestAudit
    var evaluation: ProxyEvaluation
    var proxy: ProxyIdentity
    /// The copy the proxy received.
    var incoming: MessageCopy
    /// The copy it forwarded, when the capture holds it.
    var outgoing: MessageCopy?
    /// `evaluation.routeAfter`, parsed: the Route the forwarded copy must carry.
    var routeAfter: [RouteValue]
    /// The first Route entry `loose_route` removed (`evaluation.removedEntries`), parsed.
    var firstRemoved: RouteValue?

    /// The From tag of the copy the proxy received.
    var fromTag: String? { evaluation.tags.from }
    /// The To tag of the copy the proxy received.
    var toTag: String? { evaluation.tags.to }

    /// Names the request at this proxy, so a rule reports it once per proxy even when it passes
    /// the proxy twice (a loop through it) or several copies arrive.
    var requestAtProxy: String { "\(request.method) \(request.cseq) \(proxy.index)" }
}
