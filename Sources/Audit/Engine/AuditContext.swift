import Dialogs
import Routing
import Transport

/// What a rule sees of one dialog: the dialog, every request copy with its proxy evaluation, the
/// proxies' "myself" sets, and what the dialog's set-up established (RFC 3261 §12.1).
struct AuditContext: Sendable {
    let dialog: Dialog
    let requests: [RequestAudit]
    let proxies: [ProxyIdentity]
    let settings: RRSettings
    /// Every request copy that arrived at a proxy, in request then path order.
    let visits: [ProxyVisit]

    init(dialog: Dialog, requests: [RequestAudit], proxies: [ProxyIdentity], settings: RRSettings) {
        self.dialog = dialog
        self.requests = requests
        self.proxies = proxies
        self.settings = settings
        visits = requests.compactMap { audit in
            guard let evaluation = audit.atProxy, proxies.indices.contains(evaluation.proxyIndex) else { return nil }
            let request = dialog.requests[audit.requestIndex]
            let incoming = request.copies[audit.copyIndex]
            let outgoing = request.hops.first {
                $0.incoming.frame == incoming.frame && $0.incoming.fileIndex == incoming.fileIndex
            }?.outgoing
            return ProxyVisit(request: request, audit: audit, evaluation: evaluation,
                              proxy: proxies[evaluation.proxyIndex], incoming: incoming, outgoing: outgoing)
        }
    }

    // MARK: Dialog set-up

    /// The responses that formed the dialog (RFC 3261 §12.1: 101–299 with the callee's To tag),
    /// every copy, in capture order.
    var formingResponses: [ObservedMessage] {
        guard let initial = dialog.initialRequest, let calleeTag = dialog.calleeTag else { return [] }
        return initial.responses.filter { response in
            guard let code = response.statusCode, code > 100, code < 300 else { return false }
            return response.toTag == calleeTag
        }
    }

    /// The route set the sender of a request in `direction` must use, or nil when the capture
    /// does not show the message it comes from (§12.1.1: the request at the callee; §12.1.2: the
    /// response at the caller).
    func expectedRouteSet(_ direction: RequestDirection) -> [RouteValue]? {
        guard dialog.initialRequest != nil else { return nil }
        if direction == .downstream && formingResponses.isEmpty { return nil }
        return dialog.routeSet.forSender(direction).map(RouteValue.init)
    }

    /// The Record-Route values of the dialog, each once: as the callee received them, then any
    /// the caller received that differ.
    var recordRouteValues: [RouteValue] {
        var seen = Set<String>()
        return (dialog.recordRouteAtCallee + dialog.recordRouteAtCaller)
            .filter { seen.insert($0).inserted }
            .map(RouteValue.init)
    }

    /// The frame of the first captured message carrying `value` in Record-Route: the initial
    /// request's copies, then the forming responses.
    func firstFrame(recordRouting value: String) -> Int {
        let messages = (dialog.initialRequest?.copies ?? []) + formingResponses
        return messages.first { $0.recordRouteValues.contains(value) }?.frame ?? dialog.firstFrame
    }

    // MARK: Proxies and parties

    /// The proxy a Route/Record-Route value names (Kamailio `is_myself` with the proxy's set).
    func owner(of value: RouteValue) -> ProxyIdentity? {
        proxies.first { $0.isMyself(value) }
    }

    func proxy(owning endpoint: Endpoint) -> ProxyIdentity? {
        proxies.first { $0.owns(endpoint) }
    }

    /// The copy a UA sent: the first copy, when no proxy of the dialog sent it.
    func uaCopy(of request: DialogRequest) -> ObservedMessage? {
        guard let first = request.copies.first, proxy(owning: first.flow.source) == nil else { return nil }
        return first
    }

    /// The party a request in `direction` is meant for.
    func recipient(_ direction: RequestDirection) -> Party {
        direction == .downstream ? dialog.callee : dialog.caller
    }

    /// The remote target the sender of `request` had to put in the Request-URI.
    func expectedRemoteTarget(_ request: DialogRequest) -> String? {
        request.remoteTarget ?? dialog.remoteTarget.forSender(request.direction)
    }

    /// In-dialog requests proper (ACK to 2xx, BYE, re-INVITE, ...): RFC 3261 §12.2 applies.
    var inDialogRequests: [DialogRequest] {
        dialog.requests.filter { $0.role == .inDialog }
    }

    // MARK: Findings

    /// A finding for this dialog.
    func finding(_ code: FindingCode, severity: Severity? = nil, frame: Int, proxy: ProxyIdentity? = nil,
                 message: String, evidence: [EvidenceEntry] = []) -> Finding {
        Finding(code: code, severity: severity, fileIndex: dialog.fileIndex, callID: dialog.callID, frame: frame,
                proxy: proxy?.name, message: message, evidence: evidence)
    }
}
