import Capture
import SIP
import Transport

/// Turns the messages of one Call-ID into its dialogs, once the call is over (or expired).
///
/// Order of work: fold retransmissions and link copies into logical requests
/// (`RequestCopyGraph`), give each a role, attach responses by top Via, split by tags into
/// dialogs (one per confirmed To tag of each dialog-forming request), then build each `Dialog`.
enum DialogAssembler {
    /// Methods that create a dialog (RFC 3261 12.1, RFC 6665 4.1.2.4, RFC 3515 2.4.4).
    static func formsDialog(_ method: SIPMethod) -> Bool {
        method == .invite || method == .subscribe || method == .refer
    }

    /// One logical request: all copies of it, with its responses.
    ///
    /// A class: planning and building read requests by index many times per dialog, and copying
    /// one out of the array retained and released its two arrays and two tags each time.
    final class LogicalRequest {
        let copies: [Int]
        let role: RequestRole
        let method: SIPMethod
        let cseq: UInt32
        let fromTag: String?
        let toTag: String?
        /// Filled by `attachResponses`, before any plan reads it. Without runtime exclusivity
        /// checks: it is set once per request, by `attachResponses` alone, and only read after.
        @exclusivity(unchecked) var responses: [Int] = []
        let firstTime: CaptureTime

        init(copies: [Int], role: RequestRole, method: SIPMethod, cseq: UInt32, fromTag: String?, toTag: String?,
             firstTime: CaptureTime) {
            self.copies = copies
            self.role = role
            self.method = method
            self.cseq = cseq
            self.fromTag = fromTag
            self.toTag = toTag
            self.firstTime = firstTime
        }
    }

    static func assemble(_ call: CallRecord, end: DialogEnd, declaredProxies: [Endpoint]) -> [Dialog] {
        let graph = RequestCopyGraph(entries: call.entries)
        let requests = logicalRequests(graph)
        attachResponses(graph, requests)

        // Small maps: a call has one or two caller tags, and hashing Strings into a Dictionary
        // cost more than comparing them.
        var initialByTag = SmallMap<String, [Int]>()
        var initialOrder: [String] = []
        for (index, request) in requests.enumerated() where request.role == .initial {
            guard let tag = request.fromTag else { continue }
            if initialByTag[tag] == nil { initialOrder.append(tag) }
            initialByTag.modify(tag, default: []) { $0.append(index) }
        }
        var used = [Bool].filled(false, count: requests.count)  // per request: in a plan
        var plans: [DialogPlan] = []
        for callerTag in initialOrder {
            let attempts = initialByTag[callerTag] ?? []
            plans += planInitiated(callerTag: callerTag, attempts: attempts, graph: graph,
                                   requests: requests, used: &used)
        }
        plans += planPartial(requests: requests, used: &used)
        let builder = DialogBuilder(callID: call.callID, graph: graph, requests: requests,
                                    end: end, declaredProxies: declaredProxies)
        return plans.map { builder.build($0) }
    }

    private static func logicalRequests(_ graph: RequestCopyGraph) -> [LogicalRequest] {
        var requests = graph.groups.compactMap { group -> LogicalRequest? in
            guard let first = group.first else { return nil }
            let entry = graph.copies[first].entry
            let toTag = group.lazy.compactMap { graph.copies[$0].facts.toTag }.first
            let role: RequestRole
            if entry.facts.method == .cancel {
                role = .cancel
            } else if group.contains(where: { graph.isFailureACK[$0] }) {
                role = .failureACK
            } else if entry.facts.formsDialog && entry.facts.toTag == nil {
                role = .initial
            } else if toTag != nil {
                role = .inDialog
            } else {
                return nil  // out-of-dialog request sharing the Call-ID: not part of a dialog
            }
            var time = graph.copies[first].entry.observed.time  // the earliest copy's
            for copy in group where graph.copies[copy].entry.observed.time < time {
                time = graph.copies[copy].entry.observed.time
            }
            return LogicalRequest(copies: group, role: role, method: entry.facts.method, cseq: entry.facts.cseq,
                                  fromTag: entry.facts.fromTag, toTag: toTag, firstTime: time)
        }
        // Groups come in order of their first copy, so mostly by time already.
        requests.sortIfNeeded { $0.firstTime < $1.firstTime }
        return requests
    }

    /// A response goes back along the Vias of the copy it answers: its top Via is that copy's.
    /// Copies sharing method, CSeq and top Via share one owner, the request listed last (by
    /// request, then by copy) holding one of them.
    private static func attachResponses(_ graph: RequestCopyGraph, _ requests: [LogicalRequest]) {
        // Indexed by each key's first copy (`RequestCopyGraph.firstCopy`).
        var owner = [Int].filled(-1, count: graph.copies.count)
        for (index, request) in requests.enumerated() {
            for copy in request.copies {
                if let first = graph.firstCopy(withTopViaOf: graph.copies[copy].entry) { owner[first] = index }
            }
        }
        // Collected here and set once per request: appending to the request's own list (a class
        // property) cost a runtime exclusivity check per response.
        var lists = [[Int]].filled([], count: requests.count)
        for (index, response) in graph.responses.enumerated() {
            if let first = graph.firstCopy(withTopViaOf: response.entry), owner[first] >= 0 {
                // Room for a usual request's responses (a few, each copy of each) at once,
                // not regrown.
                if lists[owner[first]].isEmpty { lists[owner[first]].reserveCapacity(8) }
                lists[owner[first]].append(index)
            }
        }
        for (request, list) in zip(requests, lists) where !list.isEmpty { request.responses = list }
    }

    /// Dialogs formed by the dialog-forming requests of one caller tag.
    private static func planInitiated(callerTag: String, attempts: [Int], graph: RequestCopyGraph,
                                      requests: [LogicalRequest], used: inout [Bool]) -> [DialogPlan] {
        // After a 401/407 challenge the UAC retries with a new CSeq: the attempt that got a 2xx
        // (else the last one) forms the dialog; the earlier ones are kept as prior attempts.
        func hasSuccess(_ index: Int) -> Bool {
            requests[index].responses.contains { (graph.responses[$0].facts.statusCode ?? 0) / 100 == 2 }
        }
        guard let forming = attempts.last(where: hasSuccess) ?? attempts.last else { return [] }
        for attempt in attempts { used[attempt] = true }
        let formingRequest = requests[forming]

        var tags: [String] = []
        var confirmed: [String] = []
        var finalTag: String?
        for response in formingRequest.responses {
            let entry = graph.responses[response].entry
            guard let code = entry.facts.statusCode, code > 100, let tag = entry.facts.toTag else { continue }
            if !tags.contains(tag) { tags.append(tag) }
            if code / 100 == 2 && !confirmed.contains(tag) { confirmed.append(tag) }
            if code >= 300 { finalTag = tag }
        }
        // In-dialog requests whose tags pair with this caller: a NOTIFY may form the dialog
        // (RFC 6665 4.1.2.4), and a captured request proves a dialog whose 2xx was not captured.
        var members = SmallMap<String, [Int]>()
        var hopByHop: [Int] = []
        for (index, request) in requests.enumerated() where !used[index] {
            switch request.role {
            case .initial:
                continue
            case .cancel, .failureACK:
                if request.fromTag == callerTag && attempts.contains(where: { requests[$0].cseq == request.cseq }) {
                    hopByHop.append(index)
                    used[index] = true
                }
                continue
            case .inDialog:
                let other: String?
                if request.fromTag == callerTag { other = request.toTag } else if request.toTag == callerTag { other = request.fromTag } else { other = nil }
                guard let tag = other else { continue }
                members.modify(tag, default: []) { $0.append(index) }
                used[index] = true
                if !tags.contains(tag) { tags.append(tag) }
                // PRACK and UPDATE also run in early dialogs (RFC 3262, RFC 3311); anything else
                // with both tags, or a NOTIFY, shows the dialog was confirmed.
                let earlyCapable = request.method == .prack || request.method == .update
                let failed = formingRequest.responses.contains { (graph.responses[$0].facts.statusCode ?? 0) >= 300 }
                if !earlyCapable && !failed && !confirmed.contains(tag) {
                    confirmed.append(tag)
                }
            }
        }
        let priorAttempts = attempts.filter { $0 != forming }
        if confirmed.isEmpty {
            let tag = finalTag ?? tags.last
            let inDialog = members.values.flatMap { $0 }.sorted()
            return [DialogPlan(callerTag: callerTag, calleeTag: tag, initial: forming, priorAttempts: priorAttempts,
                               members: (inDialog + hopByHop).sorted(), earlyForks: tags.filter { $0 != tag })]
        }
        return confirmed.map { tag in
            // CANCEL goes to every fork; an ACK to a non-2xx belongs to the fork whose tag it carries.
            let mine = hopByHop.filter { index in
                requests[index].role == .cancel || requests[index].toTag == tag
                    || !confirmed.contains(requests[index].toTag ?? "")
            }
            return DialogPlan(callerTag: callerTag, calleeTag: tag, initial: forming, priorAttempts: priorAttempts,
                              members: ((members[tag] ?? []) + mine).sorted(),
                              earlyForks: tags.filter { !confirmed.contains($0) })
        }
    }

    /// Dialogs whose dialog-forming request the capture does not hold (it began mid-dialog).
    private static func planPartial(requests: [LogicalRequest], used: inout [Bool]) -> [DialogPlan] {
        var plans: [DialogPlan] = []
        var byPair: [CallProgress.TagPair: Int] = [:]
        for (index, request) in requests.enumerated() where !used[index] && request.role == .inDialog {
            guard let from = request.fromTag, let to = request.toTag else { continue }
            let pair = CallProgress.TagPair(from, to)
            if let plan = byPair[pair] {
                plans[plan].members.append(index)
            } else {
                byPair[pair] = plans.count
                // Without the initial request, the sender of the first request seen is taken as caller.
                plans.append(DialogPlan(callerTag: from, calleeTag: to, initial: nil, priorAttempts: [],
                                        members: [index], earlyForks: []))
            }
            used[index] = true
        }
        return plans
    }
}

/// Which logical requests make up one dialog, before it is built.
struct DialogPlan {
    var callerTag: String
    var calleeTag: String?
    var initial: Int?
    var priorAttempts: [Int]
    var members: [Int]
    var earlyForks: [String]
}
