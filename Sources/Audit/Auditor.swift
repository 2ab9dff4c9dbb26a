import Dialogs
import Routing
import Transport

/// Audits dialogs: evaluates every request copy that reaches a proxy with the rr engine (what
/// Kamailio's `loose_route`, `is_direction` and `check_route_param` would answer there), then runs
/// every rule of `Rules/` and returns the per-dialog route report with its findings.
public struct Auditor: Sendable {
    /// A `--check-route-param` regex that POSIX ERE rejects.
    public struct InvalidRegex: Error, Sendable, Equatable, CustomStringConvertible {
        public var regex: String
        public var reason: String
        public var description: String { "invalid --check-route-param regex '\(regex)': \(reason)" }
    }

    /// The regexes of `--check-route-param`, in the order given, compiled as Kamailio does
    /// (REG_EXTENDED | REG_ICASE | REG_NEWLINE, rr-spec §5).
    public let checkRouteParams: [String]
    /// The rr module parameters assumed for every proxy.
    public let rrSettings: RRSettings
    /// `--proxy` addresses: treated as proxies even when no captured hop reveals them.
    public let declaredProxies: [TransportAddress]
    private let compiledRegexes: [POSIXRegex]

    /// The rules, one per file under `Rules/`, in the order `findings(in:)` runs them.
    static let rules: [any AuditRule] = [
        // Dialog set-up
        RecordRouteSyntaxRule(), RecordRouteLooseRule(), RecordRouteMirrorRule(), RecordRouteTransitRule(),
        R2PairRule(), DoubleRecordRouteRule(), RecordRouteFromTagRule(), PreloadedRouteRule(),
        // In-dialog, from a UA
        MissingRouteRule(), StrictRoutingRule(), RouteSetRule(), RouteParamsRule(), RequestURIRule(),
        ProxyBypassRule(), FromTagRouteRule(), DirectionRule(), CancelRouteRule(), FailureACKRouteRule(),
        // At a proxy
        ProxyPopRule(), NextHopRule(), StrictNextHopRule(), RequestURIIsProxyRule(), LooseRouteFailureRule(),
        // Capture
        CaptureCompletenessRule(),
    ]

    /// - Throws: `InvalidRegex` for the first regex that does not compile.
    public init(checkRouteParams: [String] = [], rrSettings: RRSettings = .kamailioDefaults,
                declaredProxies: [TransportAddress] = []) throws(InvalidRegex) {
        self.checkRouteParams = checkRouteParams
        self.rrSettings = rrSettings
        self.declaredProxies = declaredProxies
        var compiled: [POSIXRegex] = []
        for regex in checkRouteParams {
            do {
                compiled.append(try POSIXRegex(regex, flags: RouteParams.kamailioFlags))
            } catch {
                throw InvalidRegex(regex: regex, reason: error.message)
            }
        }
        compiledRegexes = compiled
    }

    /// The audit of one dialog.
    public func audit(_ dialog: Dialog) -> DialogAudit {
        var cache = RouteValueCache()
        var proxies: [ProxyIdentity] = []
        proxies.reserveCapacity(dialog.proxies.count + declaredProxies.count)
        // By index: enumerating would copy each proxy and request (a dozen retains each).
        for index in dialog.proxies.indices {
            proxies.append(ProxyIdentity(index: index, proxy: dialog.proxies[index], cache: &cache))
        }
        for declared in declaredProxies where !proxies.contains(where: { $0.owns(declared.endpoint) }) {
            proxies.append(ProxyIdentity(index: proxies.count, addresses: [declared], recordRoute: [],
                                         isObserved: false, cache: &cache))
        }
        var requestCopies: [[MessageCopy]] = []
        requestCopies.reserveCapacity(dialog.requests.count)
        var copyCount = 0
        // Only the dialog-forming request's copies need their Record-Route (see `MessageCopy`);
        // `AuditContext` finds them among these by the same test.
        let initialCopies = dialog.initialRequest?.copies ?? []
        for index in dialog.requests.indices {
            let copies = dialog.requests[index].copies
            copyCount += copies.count
            // By index and field: binding the elements would copy two observed messages per test.
            let isInitial = !initialCopies.isEmpty && initialCopies.count == copies.count
                && copies.indices.allSatisfy { copy in
                    initialCopies[copy].frames == copies[copy].frames
                        && initialCopies[copy].fileIndex == copies[copy].fileIndex
                        && initialCopies[copy].flow == copies[copy].flow
                }
            requestCopies.append(copies.map { MessageCopy($0, readsRecordRoute: isInitial, cache: &cache) })
        }
        var audits: [RequestAudit] = []
        audits.reserveCapacity(copyCount)
        var answers: [LooseRouteAnswers?] = []
        answers.reserveCapacity(copyCount)
        var memo = RoutingMemo()
        for requestIndex in dialog.requests.indices {
            let copies = requestCopies[requestIndex]
            for copyIndex in copies.indices {
                let copy = copies[copyIndex]
                let proxy = proxies.first { $0.owns(copy.flow.destination) }
                var evaluation: ProxyEvaluation?
                if let proxy {
                    answers.append(evaluate(copy, at: proxy, hops: dialog.requests[requestIndex].hops, memo: &memo,
                                            into: &evaluation))
                } else {
                    answers.append(nil)
                }
                // Field by field: binding the request would copy it whole (copies, hops, responses).
                let audit = RequestAudit(
                    requestIndex: requestIndex, copyIndex: copyIndex, frame: copy.frame, time: copy.time,
                    method: dialog.requests[requestIndex].method, cseq: dialog.requests[requestIndex].cseq,
                    role: dialog.requests[requestIndex].role, source: copy.source, destination: copy.destination,
                    direction: dialog.requests[requestIndex].direction, requestURI: copy.requestURI,
                    route: copy.route.map(\.raw),
                    atProxy: consume evaluation)
                // Moved in: appending the value as built copied it and destroyed the original.
                audits.append(consume audit)
            }
        }
        let context = AuditContext(dialog: dialog, requests: audits, requestCopies: requestCopies, proxies: proxies,
                                   settings: rrSettings, answers: answers, cache: &cache)
        var findings = Self.findings(in: context)
        if findings.count > 1 {
            findings.sort {
                ($0.frame, $0.code.rawValue, $0.message) < ($1.frame, $1.code.rawValue, $1.message)
            }
        }
        return DialogAudit(dialog: dialog, requests: audits, findings: findings, proxyNames: proxies.map(\.name))
    }

    /// The findings of every rule of `rules`, in that order. Each rule is called on its concrete
    /// type: walking the list of existentials copied and destroyed each rule, and appending each
    /// (mostly empty) result made a new buffer per rule.
    static func findings(in context: AuditContext) -> [Finding] {
        var findings: [Finding] = []
        func run(_ rule: some AuditRule) {
            let found = rule.findings(in: context)
            guard !found.isEmpty else { return }
            if findings.isEmpty { findings = found } else { findings.append(contentsOf: found) }
        }
        // Dialog set-up
        run(RecordRouteSyntaxRule()); run(RecordRouteLooseRule()); run(RecordRouteMirrorRule())
        run(RecordRouteTransitRule()); run(R2PairRule()); run(DoubleRecordRouteRule()); run(RecordRouteFromTagRule())
        run(PreloadedRouteRule())
        // In-dialog, from a UA
        run(MissingRouteRule()); run(StrictRoutingRule()); run(RouteSetRule()); run(RouteParamsRule())
        run(RequestURIRule()); run(ProxyBypassRule()); run(FromTagRouteRule()); run(DirectionRule())
        run(CancelRouteRule()); run(FailureACKRouteRule())
        // At a proxy
        run(ProxyPopRule()); run(NextHopRule()); run(StrictNextHopRule()); run(RequestURIIsProxyRule())
        run(LooseRouteFailureRule())
        // Capture
        run(CaptureCompletenessRule())
        return findings
    }

    /// What the proxy's rr module makes of one received copy, stored in `evaluation`, and what
    /// loose_route found out on the way that rules would ask again. The evaluation is written
    /// into the caller's variable: returned, it was copied once more (a retain and a release of
    /// each of its dozen fields).
    func evaluate(_ copy: MessageCopy, at proxy: ProxyIdentity, hops: [Hop], memo: inout RoutingMemo,
                  into evaluation: inout ProxyEvaluation?) -> LooseRouteAnswers {
        // The tags are decoded for every copy (the evaluation keeps them); the Route field texts
        // only when loose_route runs: the memo tells copies apart by the fields' bytes.
        // One copy of the message for both tags: each `observed.message` read copies it.
        let message = copy.observed.message
        let to = message.tag(of: .to)
        let toTag = to ?? nil, fromTag = message.fromTag
        let key = RoutingMemo.Key(proxyIndex: proxy.index, requestURI: copy.requestURI, hasToHeader: to != nil,
                                  preloaded: (toTag ?? "").isEmpty, copy: copy)
        let entry = memo.routing(for: key) {
            route(copy.routedRequest(fromTag: fromTag, to: to), at: proxy, parsedFields: copy.parsedRouteFields())
        }
        // The one copy of the remembered evaluation this copy's audit keeps, filled in in place.
        evaluation = entry.routing.evaluation
        evaluation?.ftagDirection =
            Direction.kamailio(ftag: entry.routing.ftag, fromTag: fromTag) == .upstream ? .upstream : .downstream
        // By index: `first(where:)` would copy the whole hop (two observed messages) to read a frame.
        evaluation?.forwardedFrame =
            hops.firstIndex { copy.isSame(as: $0.incoming) }.flatMap { hops[$0].outgoing?.frame }
        evaluation?.tags = ProxyEvaluation.Tags(from: fromTag, to: toTag)
        return entry.routing.answers
    }

    /// The parts of the evaluation that follow from the request text alone (see `RoutingMemo`).
    /// - Parameter parsedFields: the Route fields the copy's values already give
    ///   (`MessageCopy.parsedRouteFields`), so loose_route need not parse them again.
    private func route(_ request: consuming RoutedRequest, at proxy: ProxyIdentity,
                       parsedFields: [[RouteEntry]?]) -> RoutingMemo.Routing {
        let requestURI = request.requestURI  // read first: the request is moved into loose_route
        // No rule reads the send socket an r2 pair forces: its look-ups are skipped.
        let outcome = LooseRouter(localAddresses: proxy.localAddresses, settings: rrSettings, findsSendSocket: false)
            .route(request, parsedFields: parsedFields)
        // Without --check-route-param (the usual run) no list is mapped.
        let checks = compiledRegexes.isEmpty ? [] : zip(checkRouteParams, compiledRegexes).map { regex, compiled in
            ProxyEvaluation.RouteParamCheck(regex: regex,
                                            matches: RouteParams.checkRouteParam(compiled, in: outcome.routeParams))
        }
        let strictNextHop = outcome.path == .afterLoose && outcome.requestURIAfter != requestURI
        // Built in place: an evaluation bound first was copied into the result and destroyed.
        return RoutingMemo.Routing(evaluation: ProxyEvaluation(
            proxyIndex: proxy.index, proxy: proxy.name, ftagDirection: .downstream, looseRoute: outcome.returnCode,
            failure: outcome.failure.map(Self.describe), routeParams: outcome.routeParams, checkRouteParam: checks,
            removedEntries: outcome.removedEntries.map(\.raw), nextHop: outcome.nextHop,
            ruriAfter: outcome.requestURIAfter, routeAfter: RouteComparison.values(ofFields: outcome.routeAfter),
            strictNextHop: strictNextHop, strictRecovery: outcome.path == .afterStrict, forwardedFrame: nil),
                                   ftag: outcome.routedParams.flatMap { RouteParams.getRouteParam("ftag", in: $0) },
                                   answers: LooseRouteAnswers(requestURIIsMyself: outcome.requestURIIsMyself,
                                                              nextHopDestinations: outcome.nextHopURI.map {
                                                                  RouteComparison.destinations(of: $0)
                                                              }))
    }

    static func describe(_ failure: LooseRouteOutcome.Failure) -> String {
        switch failure {
        case .noRoute: "no Route header"
        case .routeUnparsable(let error): "Route does not parse (\(error))"
        case .requestURIUnparsable: "Request-URI does not parse"
        case .noToHeader: "no To header"
        case .routeURIUnparsable(let uri): "Route URI does not parse: \(uri)"
        case .nothingAfterOwnR2Entry: "strict path: nothing after the proxy's own r2 entry"
        }
    }
}
