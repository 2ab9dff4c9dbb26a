import Dialogs

/// One request copy arriving at a proxy of the dialog, with what the rr module would do with it
/// and, when captured, the copy the proxy sent on.
struct ProxyVisit: Sendable {
    var request: DialogRequest
    var audit: RequestAudit
    var evaluation: ProxyEvaluation
    var proxy: ProxyIdentity
    /// The copy the proxy received.
    var incoming: ObservedMessage
    /// The copy it forwarded, when the capture holds it.
    var outgoing: ObservedMessage?
}
