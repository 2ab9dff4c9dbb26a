/// Kamailio's `loose_route()` (rr module, loose.c) as a pure function of the request text, the
/// proxy's local addresses and the rr settings (rr-spec §3). Outbound flow tokens (RFC 5626),
/// `sockname_mode` and rr callbacks are not modelled.
///
/// Departures from RFC 3261 that are reproduced on purpose (Kamailio's behaviour is the reference):
/// - strict-router recovery (§16.4) is taken for *any* request with a To tag whose R-URI host:port
///   is local, not only when the R-URI is a value this proxy record-routed (rr-spec §6 #24/#25);
/// - a proxy's own Route entry is removed whatever its `lr` (§6 #3), and a top Route that is not
///   local is simply the next hop, also for initial requests (§6 #22);
/// - a double Record-Route pair is recognised only through the non-standard `r2` parameter on the
///   first entry, and the entry after it is removed even if it is not local (§6 #12);
/// - with `maddr` the next hop becomes `sip:<maddr>[:port]`, dropping `transport` (§6 #27).
public struct LooseRouter: Sendable {
    /// The proxy's "myself" addresses.
    public var localAddresses: LocalAddresses
    /// The rr module parameters.
    public var settings: RRSettings
    /// Whether to work out ``LooseRouteOutcome/forcedSendSocket`` (`rr_do_force_send_socket`).
    /// A caller that never reads it skips the socket look-ups of every r2 pair; nothing else in
    /// the outcome depends on them.
    public var findsSendSocket: Bool

    /// Creates a router.
    public init(localAddresses: LocalAddresses, settings: RRSettings = .kamailioDefaults, findsSendSocket: Bool = true) {
        self.localAddresses = localAddresses
        self.settings = settings
        self.findsSendSocket = findsSendSocket
    }

    /// Runs loose_route (mode from ``RRSettings/looseRouteMode``) on `request`.
    public func route(_ request: RoutedRequest) -> LooseRouteOutcome {
        route(request, parsedFields: [])
    }

    /// `route(_:)` for a caller that has already parsed Route fields: `parsedFields[i]`, when not
    /// nil, must be what `RouteEntry.parseField(request.routeFields[i], index: i)` returns; the
    /// other fields are parsed when loose_route reaches them.
    public func route(_ request: consuming RoutedRequest, parsedFields: [[RouteEntry]?]) -> LooseRouteOutcome {
        // Consumed and moved into the run: a borrowed request was copied into it (a retain and
        // a release of each of its Strings and arrays).
        var run = Run(router: self, request: request, parsedFields: parsedFields)
        run.execute()
        return run.outcome()
    }
}

/// One loose_route invocation: Kamailio's control flow with its lumps.
private struct Run {
    let router: LooseRouter
    let request: RoutedRequest
    var edits: RouteHeaderEdits
    var returnCode = -1
    var path = LooseRouteOutcome.Path.none
    var failure: LooseRouteOutcome.Failure?
    var removed: [RouteEntry] = []
    var destination: String?
    var requestURI: String
    var forced: ListeningSocket?
    /// routed_params as hooked: (params, fromRequestURI).
    var hooked: (params: String, strict: Bool)?
    var routeAddr = false
    /// The Request-URI as parsed on entry, and `check_self` on it when asked (see the outcome).
    var parsedRequestURI: RouteURI?
    var requestURIIsMyself: Bool?

    init(router: LooseRouter, request: consuming RoutedRequest, parsedFields: [[RouteEntry]?]) {
        self.router = router
        self.edits = RouteHeaderEdits(fields: request.routeFields, parsed: parsedFields)
        self.requestURI = request.requestURI
        self.request = request  // last: moved, not copied
    }

    var settings: RRSettings { router.settings }
    var doubleRR: Bool { settings.enableDoubleRR != 0 }
    func isMyself(_ uri: RouteURI) -> Bool { router.localAddresses.isMyself(uri) }

    mutating func fail(_ f: LooseRouteOutcome.Failure) {
        returnCode = -1
        failure = f
    }

    mutating func execute() {
        // find_first_route
        guard !edits.fields.isEmpty else { return fail(.noRoute) }
        do {
            _ = try edits.entries(0)
        } catch {
            return fail(.routeUnparsable(error))
        }
        guard let ruri = try? RouteURI(parsing: request.requestURI) else { return fail(.requestURIUnparsable) }
        parsedRequestURI = ruri
        guard request.hasToHeader else { return fail(.noToHeader) }
        let preloaded = (request.toTag ?? "").isEmpty
        if preloaded {
            afterLoose(preloaded: true)
            return
        }
        if settings.looseRouteMode & 1 == 0 {
            let mine = isMyself(ruri)
            requestURIIsMyself = mine
            if mine { return afterStrict(ruri: ruri) }
        }
        afterLoose(preloaded: false)
    }

    /// Moves to the entry after (header, index); deletes the header when the entry was its last.
    /// Returns nil (and sets the outcome) when there is no further entry or parsing fails.
    private mutating func advance(from header: Int, index: Int,
                                  noneLeft: Int) -> (header: Int, index: Int, entries: [RouteEntry])? {
        let entries: [RouteEntry]
        do { entries = try edits.entries(header) } catch { fail(.routeUnparsable(error)); return nil }
        if index + 1 < entries.count { return (header, index + 1, entries) }
        edits.deleteField(header)
        let next = header + 1
        guard next < edits.fields.count else {
            returnCode = noneLeft
            if noneLeft == -1 { failure = .nothingAfterOwnR2Entry }
            return nil
        }
        do {
            let e = try edits.entries(next)
            return (next, 0, e)
        } catch {
            fail(.routeUnparsable(error))
            return nil
        }
    }

    mutating func afterLoose(preloaded: Bool) {
        path = .afterLoose
        guard let first = try? edits.entries(0), let top = first.first else { return fail(.noRoute) }
        guard let topURI = top.uri else { return fail(.routeURIUnparsable(top.uriText)) }
        var header = 0, index = 0, entries = first
        var next = top, nextURI = topURI
        if isMyself(topURI) {
            hooked = (topURI.params, false)
            if router.findsSendSocket && settings.forceSendSocket && !(doubleRR && topURI.hasR2) {
                forced = forcedSocket(for: topURI)
            }
            removed.reserveCapacity(2)  // an r2 pair removes two: one allocation, not a regrowth
            removed.append(top)
            let doneCode = preloaded ? -3 : 1
            guard let a = advance(from: header, index: index, noneLeft: doneCode) else { return }
            (header, index, entries) = a
            if doubleRR && topURI.hasR2 {
                let second = entries[index]
                guard let secondURI = second.uri else { return fail(.routeURIUnparsable(second.uriText)) }
                if router.findsSendSocket { forced = forcedSocket(for: secondURI) }
                removed.append(second)
                guard let b = advance(from: header, index: index, noneLeft: doneCode) else { return }
                (header, index, entries) = b
            }
            next = entries[index]
            guard let u = next.uri else { return fail(.routeURIUnparsable(next.uriText)) }
            nextURI = u
            routeAddr = true
        }
        if !nextURI.isLoose {
            handleStrictNextHop(header: header, index: index, entries: entries, uri: nextURI)
        } else {
            destination = nextURI.afterMaddrRule
            if index != 0 { edits.cut(header, 0..<next.offset) }
        }
        returnCode = 1
    }

    /// `handle_sr`: the next hop is a strict router.
    private mutating func handleStrictNextHop(header: Int, index: Int, entries: [RouteEntry], uri: RouteURI) {
        edits.appended.append("<\(request.requestURI)>")
        requestURI = uri.afterMaddrRule
        removed.append(entries[index])
        if index + 1 < entries.count {
            edits.cut(header, 0..<entries[index + 1].offset)
        } else {
            edits.deleteField(header)
        }
    }

    mutating func afterStrict(ruri: RouteURI) {
        path = .afterStrict
        guard let first = try? edits.entries(0), var r = first.first else { return fail(.noRoute) }
        guard var rURI = r.uri else { return fail(.routeURIUnparsable(r.uriText)) }
        var header = 0, index = 0, entries = first
        if doubleRR && rURI.hasR2 && isMyself(rURI) {
            if router.findsSendSocket, let host = rURI.host {
                forced = router.localAddresses.socket(host: host, port: rURI.port, proto: rURI.transport)
            }
            removed.append(r)
            guard let a = advance(from: header, index: index, noneLeft: -1) else { return }
            (header, index, entries) = a
            r = entries[index]
            guard let u = r.uri else { return fail(.routeURIUnparsable(r.uriText)) }
            rURI = u
        }
        hooked = (ruri.params, true)
        if !rURI.isLoose {
            requestURI = rURI.afterMaddrRule
            removed.append(r)
            if index + 1 < entries.count {
                edits.cut(header, 0..<entries[index + 1].offset)
            } else {
                edits.deleteField(header)
            }
        } else {
            destination = rURI.afterMaddrRule
            if index != 0 { edits.cut(header, 0..<r.offset) }
            // find_rem_target: the last entry of the last Route header is the remote target.
            let lastHeader = edits.fields.count - 1
            let lastEntries: [RouteEntry]
            do { lastEntries = try edits.entries(lastHeader) } catch { return fail(.routeUnparsable(error)) }
            guard let last = lastEntries.last else { return fail(.noRoute) }
            guard let lastURI = last.uri else { return fail(.routeURIUnparsable(last.uriText)) }
            requestURI = lastURI.afterMaddrRule
            removed.append(last)
            if lastEntries.count > 1 {
                let prev = lastEntries[lastEntries.count - 2]
                edits.cut(lastHeader, (prev.offset + prev.length)..<(last.offset + last.length))
            } else {
                edits.deleteField(lastHeader)
            }
        }
        returnCode = 1
    }

    /// `rr_do_force_send_socket`: host with port (or the protocol default) then with the literal port.
    private func forcedSocket(for uri: RouteURI) -> ListeningSocket? {
        guard let host = uri.host else { return nil }
        let proto = uri.transport
        let local = router.localAddresses
        if let s = local.socket(host: host, port: uri.port ?? (proto?.defaultPort ?? 5060), proto: proto) { return s }
        return local.socket(host: host, port: uri.port, proto: proto)
    }

    /// `redo_route_params`: the top Route entry's params when it is myself.
    private mutating func redoParams() -> String? {
        guard !edits.fields.isEmpty, let e = try? edits.entries(0), let top = e.first,
              let uri = top.uri, isMyself(uri) else { return nil }
        return uri.params
    }

    mutating func outcome() -> LooseRouteOutcome {
        var routed: String?
        var strict = false
        if let h = hooked, !h.params.isEmpty {
            routed = h.params
            strict = h.strict
        } else if let p = redoParams(), !p.isEmpty {
            routed = p
        }
        let checked = routed.map { strict ? $0 : ";" + $0 }
        return LooseRouteOutcome(
            returnCode: returnCode, path: path, failure: failure, removedEntries: removed,
            destinationURI: destination, requestURIAfter: requestURI, routeAfter: edits.rendered(),
            forcedSendSocket: forced, routedParams: routed, routeParams: checked,
            nextHopFromRoute: routeAddr, requestURIIsMyself: requestURIIsMyself,
            // Same text, same parse: a next hop spelled as the received R-URI is that parse.
            nextHopURI: destination == nil && requestURI == request.requestURI ? parsedRequestURI : nil)
    }
}
