import Capture
import SIP
import Transport

/// Builds one `Dialog` from its plan: parties, Record-Route at both ends, route sets, remote
/// targets with target refresh, proxies and hops, state.
///
/// A class: its many helper closures then capture one reference instead of the whole builder.
final class DialogBuilder {
    let callID: String
    let graph: RequestCopyGraph
    let requests: [DialogAssembler.LogicalRequest]
    let end: DialogEnd
    let declaredProxies: [Endpoint]
    /// Outgoing copies of every copy (forwarding edges), grouped by copy in edge order: one
    /// array for the call instead of one per forwarding copy.
    private let forwardTargets: [Int]
    /// Where each copy's outgoing copies lie in `forwardTargets`: `forwardBounds[copy + 1]..<forwardBounds[copy + 2]`.
    private let forwardBounds: [Int]

    init(callID: String, graph: RequestCopyGraph, requests: [DialogAssembler.LogicalRequest], end: DialogEnd,
         declaredProxies: [Endpoint]) {
        self.callID = callID
        self.requests = requests
        self.end = end
        self.declaredProxies = declaredProxies
        // Counting sort of the edges by incoming copy: bounds[copy + 1] first counts the edges of
        // copies up to `copy` (where its own end); filling from the last edge moves it back to
        // where its own start, keeping edge order within each copy, and leaves bounds[copy + 2]
        // at the start of the next copy's, the end of its own.
        var bounds = [Int].filled(0, count: graph.copies.count + 2)
        for edge in graph.edges { bounds[edge.from + 1] += 1 }
        for index in bounds.indices.dropFirst() { bounds[index] += bounds[index - 1] }
        var targets = [Int].filled(0, count: graph.edges.count)
        for edge in graph.edges.reversed() {
            bounds[edge.from + 1] -= 1
            targets[bounds[edge.from + 1]] = edge.to
        }
        forwardTargets = targets
        forwardBounds = bounds
        // Stored last: read after being stored, the graph was copied (a retain of each array).
        self.graph = graph
    }

    /// The copies `copy` was forwarded as, in edge order.
    private func forwards(_ copy: Int) -> ArraySlice<Int> {
        forwardTargets[forwardBounds[copy + 1]..<forwardBounds[copy + 2]]
    }

    private func observed(_ copy: Int) -> ObservedMessage { graph.copies[copy].entry.observed }
    private func copyEntry(_ copy: Int) -> CallRecord.Entry { graph.copies[copy].entry }
    private func responseEntry(_ response: Int) -> CallRecord.Entry { graph.responses[response].entry }
    // Messages are read in place, as `copyEntry(copy).fields.message`: a helper returning the
    // message copied it (a retain and a release of each of its arrays) for every read.

    func build(_ plan: DialogPlan) -> Dialog {
        let initial = plan.initial.map { requests[$0] }
        let calleeTag = plan.calleeTag
        // Responses of the forming request that carry this dialog's To tag.
        let mine = initial?.responses.filter { responseEntry($0).facts.toTag == calleeTag } ?? []
        let forming = formingResponse(mine)
        let notifyForming = plan.members.first { index in
            let request = requests[index]
            return request.method == .notify && request.fromTag == calleeTag && request.toTag == plan.callerTag
        }

        // Record-Route values of request copies, each read once: the copy a proxy sent on is
        // usually the one that reached the callee.
        var knownRecordRoutes: [(copy: Int, values: [String])] = []
        knownRecordRoutes.reserveCapacity(4)  // a usual dialog reads two or three copies
        func recordRoutes(_ copy: Int) -> [String] {
            if let known = knownRecordRoutes.first(where: { $0.copy == copy }) { return known.values }
            let values = copyEntry(copy).fields.message.recordRoutes
            knownRecordRoutes.append((copy, values))
            return values
        }

        // Proxies: hops of the forming request first, so they come in path order.
        var finder = ProxyFinder()
        let ordered = [plan.initial].compactMap { $0 } + plan.priorAttempts + plan.members
        for index in ordered {
            for copy in requests[index].copies {
                for next in forwards(copy) {
                    let proxy = finder.addHop(receivedOn: observed(copy).destination, sentFrom: observed(next).source)
                    if index == plan.initial && finder.awaitsRecordRoute(proxy: proxy) {
                        finder.noteRecordRoute(proxy: proxy, incoming: recordRoutes(copy), outgoing: recordRoutes(next))
                    }
                }
            }
        }
        if !declaredProxies.isEmpty {
            var seen: [TransportAddress] = []
            for index in ordered {
                for copy in requests[index].copies {
                    seen.append(observed(copy).source)
                    seen.append(observed(copy).destination)
                }
            }
            finder.declare(declaredProxies, seen: seen)
        }

        // Record-Route at both ends (RFC 3261 12.1.1, 12.1.2).
        var recordRouteAtCallee: [String] = []
        var recordRouteAtCaller: [String] = []
        var callerRouteSet: [String] = []
        if let initial {
            recordRouteAtCallee = recordRoutes(copyReachingCallee(initial, responses: mine))
        }
        if let forming {
            recordRouteAtCaller = responseEntry(forming).fields.message.recordRoutes
            callerRouteSet = recordRouteAtCaller.reversed()
        } else if let notifyForming, let last = requests[notifyForming].copies.last {
            // The subscriber learnt its route set as UAS of the NOTIFY (RFC 6665 4.1.2.4, RFC 3261 12.1.1).
            recordRouteAtCaller = recordRoutes(last)
            callerRouteSet = recordRouteAtCaller
        }

        // Parties.
        let firstMember = plan.members.first.map { requests[$0] }
        let originator = (initial ?? firstMember)?.copies.first
        let callerContact = initial.flatMap { $0.copies.first }
            .flatMap { MessageFacts.contact(of: copyEntry($0).fields.message) }
        var calleeContact = forming.flatMap { MessageFacts.contact(of: responseEntry($0).fields.message) }
        if calleeContact == nil, let notifyForming, let first = requests[notifyForming].copies.first {
            calleeContact = MessageFacts.contact(of: copyEntry(first).fields.message)
        }
        let caller = Party(uri: originator.map { MessageFacts.fromURI(of: copyEntry($0).fields.message) } ?? "",
                           contact: callerContact, endpoint: originator.map { observed($0).source })
        let calleeEndpoint = mine.max { responseEntry($0).facts.viaCount < responseEntry($1).facts.viaCount }
            .map { graph.responses[$0].entry.observed.source }
            ?? initial.flatMap { $0.copies.last }.map { observed($0).destination }
        let callee = Party(uri: originator.map { MessageFacts.toURI(of: copyEntry($0).fields.message) } ?? "",
                           contact: calleeContact, endpoint: calleeEndpoint)

        // In-dialog requests with the remote target in effect when each was sent.
        var targets = RemoteTargets(caller: calleeContact, callee: callerContact)
        var dialogRequests: [DialogRequest] = []
        dialogRequests.reserveCapacity(plan.members.count)
        for index in plan.members {
            let logical = requests[index]
            // The target is passed in, not set afterwards: setting a field of a made request
            // copies its fields into a new box.
            var remoteTarget: String?
            if logical.role == .inDialog {
                let direction = Self.direction(of: logical, callerTag: plan.callerTag)
                remoteTarget = targets.forSender(direction)
                refreshTarget(&targets, after: logical, direction: direction)
            }
            dialogRequests.append(makeRequest(logical, callerTag: plan.callerTag, finder: finder, remoteTarget: remoteTarget))
        }
        let initialRequest = initial.map { makeRequest($0, callerTag: plan.callerTag, finder: finder) }

        // Extent in the capture: only the bounds, so no list of every frame and time is built.
        var firstFrame: Int?, lastFrame: Int?, firstTime: CaptureTime?, lastTime: CaptureTime?
        func include(_ time: CaptureTime) {
            if firstTime.map({ time < $0 }) ?? true { firstTime = time }
            if lastTime.map({ $0 < time }) ?? true { lastTime = time }
        }
        func include(_ frames: [Int]) {
            for frame in frames {
                if firstFrame.map({ frame < $0 }) ?? true { firstFrame = frame }
                if lastFrame.map({ $0 < frame }) ?? true { lastFrame = frame }
            }
        }
        let fileIndex = originator.map { observed($0).fileIndex } ?? 0
        for index in ordered {
            for copy in requests[index].copies {
                let entry = graph.copies[copy]
                include(entry.entry.observed.time)
                // Frame numbers count per file: only those of the dialog's file bound it.
                guard entry.entry.observed.fileIndex == fileIndex else { continue }
                include(entry.entry.observed.frames)
                include(entry.retransmittedFrames)
            }
            for response in requests[index].responses {
                let entry = graph.responses[response]
                include(entry.entry.observed.time)
                guard entry.entry.observed.fileIndex == fileIndex else { continue }
                include(entry.entry.observed.frames)
                include(entry.retransmittedFrames)
            }
        }

        return Dialog(
            callID: callID, callerTag: plan.callerTag, calleeTag: calleeTag,
            method: initial?.method ?? firstMember?.method ?? .invite,
            state: state(plan, initial: initial, mine: mine, notifyForming: notifyForming),
            end: end, firstFrame: firstFrame ?? 0, lastFrame: lastFrame ?? 0,
            firstTime: firstTime ?? .zero, lastTime: lastTime ?? .zero, fileIndex: fileIndex,
            caller: caller, callee: callee, initialRequest: initialRequest,
            recordRouteAtCallee: recordRouteAtCallee, recordRouteAtCaller: recordRouteAtCaller,
            routeSet: RouteSets(caller: callerRouteSet, callee: recordRouteAtCallee),
            remoteTarget: targets, proxies: finder.proxies, requests: dialogRequests,
            earlyForks: plan.earlyForks)
    }

    /// The response copy that formed the dialog as the UAC received it: a 2xx if any, else the
    /// last provisional response with the tag (an early dialog, RFC 3261 12.1), else the final
    /// failure; among its copies, the one with fewest Vias (nearest the UAC).
    private func formingResponse(_ mine: [Int]) -> Int? {
        func code(_ index: Int) -> Int { responseEntry(index).facts.statusCode ?? 0 }
        // Among the responses of a class, those with the code of the last one; the first with
        // fewest Vias. Loops, not filtered arrays: this runs for every dialog.
        func pick(_ inClass: (Int) -> Bool) -> Int? {
            guard let last = mine.last(where: { inClass(code($0)) }) else { return nil }
            let best = code(last)
            var nearest: Int?, fewest = Int.max
            for response in mine where code(response) == best && responseEntry(response).facts.viaCount < fewest {
                (nearest, fewest) = (response, responseEntry(response).facts.viaCount)
            }
            return nearest
        }
        return pick { $0 / 100 == 2 } ?? pick { $0 > 100 && $0 < 200 } ?? pick { $0 >= 300 }
    }

    /// The copy of the initial request the UAS that answered with this tag received: the response
    /// copy with the most Vias carries that copy's top Via. Falls back to the deepest copy.
    private func copyReachingCallee(_ initial: DialogAssembler.LogicalRequest, responses mine: [Int]) -> Int {
        if let deepest = mine.max(by: { responseEntry($0).facts.viaCount < responseEntry($1).facts.viaCount }),
           let copy = initial.copies.first(where: { copyEntry($0).facts.topVia == responseEntry(deepest).facts.topVia }) {
            return copy
        }
        return initial.copies.max { copyEntry($0).facts.viaCount < copyEntry($1).facts.viaCount } ?? initial.copies[0]
    }

    private static func direction(of request: DialogAssembler.LogicalRequest, callerTag: String) -> RequestDirection {
        request.fromTag == callerTag ? .downstream : .upstream
    }

    private func makeRequest(_ request: DialogAssembler.LogicalRequest, callerTag: String,
                             finder: ProxyFinder, remoteTarget: String? = nil) -> DialogRequest {
        var hops: [Hop] = []
        for copy in request.copies {
            let forwarded = forwards(copy)
            guard let proxy = finder.index(owning: observed(copy).destination.endpoint) else { continue }
            if forwarded.isEmpty {
                hops.append(Hop(proxyIndex: proxy, incoming: observed(copy), outgoing: nil))
            }
            for next in forwarded {
                hops.append(Hop(proxyIndex: proxy, incoming: observed(copy), outgoing: observed(next)))
            }
        }
        let direction = Self.direction(of: request, callerTag: callerTag)
        let responseCopies = graph.responses
        return DialogRequest(
            method: request.method, cseq: request.cseq, role: request.role, direction: direction,
            copies: request.copies.map(observed),
            retransmittedFrames: request.copies.flatMap { graph.copies[$0].retransmittedFrames }.sorted(),
            hops: hops,
            // Indices sorted, then the messages taken: sorting the messages moves whole structs.
            responses: inTimeOrder(request.responses).map { responseCopies[$0].entry.observed },
            remoteTarget: remoteTarget)
    }

    /// The response indices sorted by capture time (ties keep their order, as the stable sort
    /// does). Most already are, being in capture order: then no sorted copy is made.
    private func inTimeOrder(_ responses: [Int]) -> [Int] {
        let copies = graph.responses
        var ordered = responses
        ordered.sortIfNeeded { copies[$0].entry.observed.time < copies[$1].entry.observed.time }
        return ordered
    }

    /// RFC 3261 12.2.1.2 / 12.2.2, RFC 3311, RFC 6665 4.1.2.4: a target refresh request answered
    /// with a 2xx gives each side the other's new Contact.
    private func refreshTarget(_ targets: inout RemoteTargets, after request: DialogAssembler.LogicalRequest,
                               direction: RequestDirection) {
        // Compared one by one: an array literal of them was built and destroyed for every request.
        let method = request.method
        guard method == .invite || method == .update || method == .subscribe || method == .notify,
              let success = request.responses.filter({ (responseEntry($0).facts.statusCode ?? 0) / 100 == 2 })
                .min(by: { responseEntry($0).facts.viaCount < responseEntry($1).facts.viaCount }) else { return }
        let senderContact = request.copies.first.flatMap { MessageFacts.contact(of: copyEntry($0).fields.message) }
        let answerContact = MessageFacts.contact(of: responseEntry(success).fields.message)
        switch direction {
        case .downstream:
            targets.callee = senderContact ?? targets.callee
            targets.caller = answerContact ?? targets.caller
        case .upstream:
            targets.caller = senderContact ?? targets.caller
            targets.callee = answerContact ?? targets.callee
        }
    }

    private func state(_ plan: DialogPlan, initial: DialogAssembler.LogicalRequest?, mine: [Int],
                       notifyForming: Int?) -> DialogState {
        // Indices, not a copied array of the requests: this runs for every dialog.
        let members = plan.members.lazy.map { self.requests[$0] }
        // RFC 3261 15.1.2: a BYE ends the dialog once answered 2xx, 481 or 408, or when no answer
        // comes; a BYE refused otherwise (e.g. 404 from a proxy) never reached the peer.
        if members.contains(where: { request in
            guard request.role == .inDialog && request.method == .bye else { return false }
            let finals = request.responses.compactMap { responseEntry($0).facts.statusCode }.filter { $0 >= 200 }
            return finals.isEmpty || finals.contains { $0 / 100 == 2 || $0 == 481 || $0 == 408 }
        }) { return .terminated }
        if members.contains(where: { request in
            request.method == .notify && request.copies.contains { copyEntry($0).facts.subscriptionTerminated }
        }) { return .terminated }
        guard let initial else { return .confirmed }
        if mine.contains(where: { (responseEntry($0).facts.statusCode ?? 0) / 100 == 2 }) || notifyForming != nil {
            return .confirmed
        }
        if members.contains(where: { $0.role == .cancel }) { return .cancelled }
        if initial.responses.contains(where: { (responseEntry($0).facts.statusCode ?? 0) >= 300 }) { return .rejected }
        // A dialog proven by in-dialog requests whose 2xx was not captured.
        if members.contains(where: { $0.role == .inDialog && $0.method != .prack && $0.method != .update }) {
            return .confirmed
        }
        return .early
    }
}
