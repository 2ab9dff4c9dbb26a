import Dialogs
import Routing
import Transport

/// What a rule sees of one dialog: the dialog, every request copy with its proxy evaluation, the
/// proxies' "myself" sets, and what the dialog's set-up established (RFC 3261 §12.1).
///
/// A class: rules capture the context in closures (`compactMap`, `first(where:)`, `owner(of:)` as
/// a function value), and capturing a reference costs one retain where copying this struct's
/// dozen arrays cost a retain and a release each, per closure.
final class AuditContext {
    let dialog: Dialog
    let requests: [RequestAudit]
    let proxies: [ProxyIdentity]
    let settings: RRSettings
    /// The copies of each request of `dialog.requests`, parsed, in the same order.
    let requestCopies: [[MessageCopy]]
    /// The copies of the dialog-forming request, parsed, fewest Vias first.
    let initialCopies: [MessageCopy]
    /// Every captured pass of the dialog-forming request through a proxy.
    let initialHops: [ProxyHop]
    /// Every request copy that arrived at a proxy, in request then path order.
    let visits: [ProxyVisit]
    /// The responses that formed the dialog (RFC 3261 §12.1: 101–299 with the callee's To tag),
    /// every copy, in capture order.
    let formingResponses: [MessageCopy]
    /// The Record-Route values of the dialog, each once: as the callee received them, then any
    /// the caller received that differ.
    let recordRouteValues: [RouteValue]
    /// False when the first captured copy of the initial request was already forwarded (more
    /// than one Via, or Record-Route in it): the capture starts inside the path, and the element
    /// seen sending it is a proxy, not the UAC.
    let callerIsUA: Bool
    /// False when the element that received the last copy of the initial request answered with
    /// Record-Route values added on top of those it received: it record-routed, so it is a proxy
    /// whose onward leg the capture misses, not the UAS.
    let calleeIsUA: Bool
    /// The route set of the caller (§12.1.2) and of the callee (§12.1.1), parsed; nil when the
    /// capture cannot tell (see `expectedRouteSet`).
    private let callerRouteSet: [RouteValue]?
    private let calleeRouteSet: [RouteValue]?
    /// Per proxy whose captured hop shows no Record-Route, the dialog's values that are "myself"
    /// for it (see `recordRoute(of:)`). Built on first use, as the two tables below: most dialogs
    /// never ask (every proxy's hop was captured, and only findings cite frames and inserters).
    private lazy var myselfRecordRoutes: [[RouteValue]] = proxies.map { proxy in
        proxy.recordRoute.isEmpty ? recordRouteValues.filter(proxy.isMyself) : []
    }
    /// The frame of the first set-up message carrying each Record-Route value.
    private lazy var recordRouteFrames: FirstPerValue<Int> = {
        var frames = FirstPerValue<Int>()
        for message in initialCopies {
            for value in message.recordRoute { frames.recordIfAbsent(value, message.frame) }
        }
        for message in formingResponses {
            for value in message.recordRoute { frames.recordIfAbsent(value, message.frame) }
        }
        return frames
    }()
    /// The proxy whose captured hop shows it inserting each Record-Route value.
    private lazy var inserters: FirstPerValue<Int> = {
        var inserters = FirstPerValue<Int>()
        for proxy in proxies {
            for value in proxy.recordRoute { inserters.recordIfAbsent(value, proxy.index) }
        }
        return inserters
    }()
    /// Every in-dialog request whose UA copy is captured and whose sender's route set is known.
    private(set) var uaRequests: [UARequest] = []  // set last in `init`, from the fields above

    /// - Parameter answers: per entry of `requests`, what loose_route found out on the way (see
    ///   `LooseRouteAnswers`); empty when not kept, the rules then work it out themselves.
    init(dialog: Dialog, requests: [RequestAudit], requestCopies: [[MessageCopy]], proxies: [ProxyIdentity],
         settings: RRSettings, answers: [LooseRouteAnswers?] = [], cache: inout RouteValueCache) {
        self.dialog = dialog
        self.requests = requests
        self.requestCopies = requestCopies
        self.proxies = proxies
        self.settings = settings
        // Request audits and hops by index: binding one copies a dozen fields to read two of them.
        // A dialog request is one boxed reference: bound once, its fields are read from the box
        // (each `dialog.requests[i]` read retained and released the dialog's box and array).
        let dialogRequests = dialog.requests
        var visits: [ProxyVisit] = []
        for position in requests.indices {
            guard let evaluation = requests[position].atProxy, proxies.indices.contains(evaluation.proxyIndex)
            else { continue }
            let requestIndex = requests[position].requestIndex
            let dialogRequest = dialogRequests[requestIndex]
            let hops = dialogRequest.hops
            let copies = requestCopies[requestIndex]
            let incoming = copies[requests[position].copyIndex]
            let outgoing = hops.firstIndex { incoming.isSame(as: $0.incoming) }.flatMap { hop in
                hops[hop].outgoing.flatMap { sent in copies.first { $0.isSame(as: sent) } }
            }
            let request = ProxyVisit.Request(method: dialogRequest.method, cseq: dialogRequest.cseq,
                                             role: dialogRequest.role, direction: dialogRequest.direction)
            visits.append(ProxyVisit(request: request, evaluation: evaluation,
                                     proxy: proxies[evaluation.proxyIndex], incoming: incoming, outgoing: outgoing,
                                     routeAfter: cache.values(evaluation.routeAfter),
                                     firstRemoved: evaluation.removedEntries.first.map { cache.value($0) },
                                     answers: answers.indices.contains(position) ? answers[position] ?? .init() : .init()))
        }
        self.visits = visits
        let initialRequest = dialog.initialRequest  // read once: each read copies the whole request
        let hasInitial = initialRequest != nil
        let initialCopies = Self.copies(of: initialRequest, parsed: requestCopies, cache: &cache)
        self.initialCopies = initialCopies
        var initialHops: [ProxyHop] = []
        var forming: [MessageCopy] = []
        if let initial = initialRequest {
            let hops = initial.hops
            for index in hops.indices {
                guard proxies.indices.contains(hops[index].proxyIndex), let sent = hops[index].outgoing,
                      let incoming = initialCopies.first(where: { $0.isSame(as: hops[index].incoming) }),
                      let outgoing = initialCopies.first(where: { $0.isSame(as: sent) }) else { continue }
                initialHops.append(ProxyHop(proxy: proxies[hops[index].proxyIndex], incoming: incoming, outgoing: outgoing))
            }
            if let calleeTag = dialog.calleeTag {
                // One pass, no filtered array of the observed messages in between.
                let responses = initial.responses
                forming.reserveCapacity(responses.count)  // one allocation, not a regrowth per few
                for index in responses.indices {
                    // Read once: each read of `message` copies it out of the observed message.
                    let message = responses[index].message
                    guard let code = message.statusCode, code > 100, code < 300, message.toTag == calleeTag
                    else { continue }
                    forming.append(MessageCopy(responses[index], message: message, cache: &cache))
                }
            }
        }
        self.initialHops = initialHops
        formingResponses = forming
        callerIsUA = initialCopies.first.map { $0.viaCount <= 1 && $0.recordRoute.isEmpty } ?? false
        if let received = initialCopies.last {
            let receivedRR = received.recordRoute
            calleeIsUA = !forming.contains { response in
                let answered = response.recordRoute
                return response.flow.source == received.flow.destination && answered.count > receivedRR.count
                    && answered.suffix(receivedRR.count).elementsEqual(receivedRR)
            }
        } else {
            calleeIsUA = false
        }
        // Each value once. A dialog has a handful, and those of one cache are the same objects
        // when equal: the list itself is searched, until a crafted dialog makes it long.
        var seen = FirstPerValue<Bool>()
        var dialogRecordRoute: [RouteValue] = []
        dialogRecordRoute.reserveCapacity(dialog.recordRouteAtCallee.count)
        func collect(_ list: [String]) {
            for raw in list {
                let value = cache.value(raw)
                if dialogRecordRoute.count < 16 {
                    guard !dialogRecordRoute.contains(value) else { continue }
                    dialogRecordRoute.append(value)
                    if dialogRecordRoute.count == 16 { for known in dialogRecordRoute { seen.recordIfAbsent(known, true) } }
                } else if seen.recordIfAbsent(value, true) {
                    dialogRecordRoute.append(value)
                }
            }
        }
        collect(dialog.recordRouteAtCallee)
        collect(dialog.recordRouteAtCaller)
        recordRouteValues = dialogRecordRoute
        let known = hasInitial
        callerRouteSet = known && callerIsUA && !formingResponses.isEmpty ? cache.values(dialog.routeSet.caller) : nil
        calleeRouteSet = known && calleeIsUA ? cache.values(dialog.routeSet.callee) : nil
        var uaRequests: [UARequest] = []
        for index in dialogRequests.indices {
            let dialogRequest = dialogRequests[index]
            guard dialogRequest.role == .inDialog, let copy = uaCopy(requestCopies[index]),
                  let routeSet = expectedRouteSet(dialogRequest.direction) else { continue }
            let direction = dialogRequest.direction
            let request = UARequest.Request(method: dialogRequest.method, direction: direction,
                                            copies: dialogRequest.copies)
            // The remote target the sender had to put in the Request-URI.
            let remoteTarget = dialogRequest.remoteTarget ?? dialog.remoteTarget.forSender(direction)
            uaRequests.append(UARequest(request: request, copy: copy, routeSet: routeSet, remoteTarget: remoteTarget,
                                        cache: &cache))
        }
        self.uaRequests = uaRequests
    }

    /// The parsed copies of the dialog's initial request: those of the same request in
    /// `dialog.requests` when it is one of them, else parsed now.
    private static func copies(of initial: DialogRequest?, parsed: [[MessageCopy]],
                               cache: inout RouteValueCache) -> [MessageCopy] {
        guard let observed = initial?.copies else { return [] }
        let known = parsed.first { copies in
            copies.count == observed.count && zip(copies, observed).allSatisfy { $0.isSame(as: $1) }
        }
        return known ?? observed.map { MessageCopy($0, cache: &cache) }
    }

    // MARK: Dialog set-up

    /// The route set the sender of a request in `direction` must use, or nil when the capture
    /// does not show the message it comes from (§12.1.1: the request at the callee; §12.1.2: the
    /// response at the caller) or shows that the sender is not the UA.
    func expectedRouteSet(_ direction: RequestDirection) -> [RouteValue]? {
        direction == .downstream ? callerRouteSet : calleeRouteSet
    }

    /// The frame of the first captured message carrying `value` in Record-Route: the initial
    /// request's copies, then the forming responses.
    func firstFrame(recordRouting value: RouteValue) -> Int {
        recordRouteFrames[value] ?? dialog.firstFrame
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
    func uaCopy(_ copies: [MessageCopy]) -> MessageCopy? {
        guard let first = copies.first, proxy(owning: first.flow.source) == nil else { return nil }
        return first
    }

    /// The Record-Route values a proxy inserted: from its captured hop, else the dialog's values
    /// that are "myself" for it.
    func recordRoute(of proxy: ProxyIdentity) -> [RouteValue] {
        guard proxies.indices.contains(proxy.index) else { return proxy.recordRoute }
        let known = proxies[proxy.index].recordRoute
        return known.isEmpty ? myselfRecordRoutes[proxy.index] : known
    }

    /// The proxy that inserted the Record-Route value `raw` (seen in a hop), else the one it names.
    func inserter(of value: RouteValue) -> ProxyIdentity? {
        inserters[value].map { proxies[$0] } ?? owner(of: value)
    }

    /// The party a request in `direction` is meant for.
    func recipient(_ direction: RequestDirection) -> Party {
        direction == .downstream ? dialog.callee : dialog.caller
    }

    /// In-dialog requests proper (ACK to 2xx, BYE, re-INVITE, ...): RFC 3261 §12.2 applies.
    var inDialogRequests: [DialogRequest] {
        dialog.requests.filter { $0.role == .inDialog }
    }

    /// The requests with `role`, each with its parsed copies.
    func requests(_ role: RequestRole) -> [(request: DialogRequest, copies: [MessageCopy])] {
        dialog.requests.indices.compactMap { index in
            dialog.requests[index].role == role ? (dialog.requests[index], requestCopies[index]) : nil
        }
    }

    // MARK: Findings

    /// A finding for this dialog.
    func finding(_ code: FindingCode, severity: Severity? = nil, frame: Int, proxy: ProxyIdentity? = nil,
                 message: String, evidence: [EvidenceEntry] = []) -> Finding {
        Finding(code: code, severity: severity, fileIndex: dialog.fileIndex, callID: dialog.callID, frame: frame,
                proxy: proxy?.name, message: message, evidence: evidence)
    }
}
