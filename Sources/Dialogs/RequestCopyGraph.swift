import SIP

/// Folds retransmissions and links the copies of each request along its path through proxies.
///
/// A copy B is the forward of copy A when both carry the same CSeq, method and From tag, B has
/// exactly one Via more, and B's second Via is A's top Via (same branch and sent-by; rr-spec §7).
/// CANCEL and ACK to a non-2xx are hop by hop (RFC 3261 9.1, 17.1.1.3): each element builds its
/// own with only its own Via, equal to the top Via of the INVITE it sent, so their copies are
/// linked through the INVITE's hops instead.
///
/// Keys are matched through `HashChains` on hashes computed once per message (`KeyHash`), not
/// through Dictionaries of String-holding keys: a call has a few dozen messages, and hashing
/// their Strings again for every look-up was most of the assembly's time.
struct RequestCopyGraph {
    /// One distinct copy of a request (first transmission), with its retransmissions folded in.
    struct Copy {
        var entry: CallRecord.Entry
        var retransmittedFrames: [Int] = []
        var facts: MessageFacts { entry.facts }
    }

    /// One distinct response copy, retransmissions folded.
    struct ResponseCopy {
        var entry: CallRecord.Entry
        var retransmittedFrames: [Int] = []
        var facts: MessageFacts { entry.facts }
    }

    private(set) var copies: [Copy] = []
    private(set) var responses: [ResponseCopy] = []
    /// Forwarding edges (incoming copy index, outgoing copy index).
    private(set) var edges: [(from: Int, to: Int)] = []
    /// Copy indices grouped into logical requests, each group sorted in path order.
    private(set) var groups: [[Int]] = []
    /// Per copy: an ACK that answers a non-2xx (it shares the INVITE's top Via).
    private(set) var isFailureACK: [Bool] = []
    /// The copies by `viaHash` of their method, CSeq and top Via, in copy order.
    private var byTopVia = HashChains(capacity: 0)

    private static let inviteHash = KeyHash.string(SIPMethod.invite.rawValue)
    private static let cancelHash = KeyHash.string(SIPMethod.cancel.rawValue)
    private static let ackHash = KeyHash.string(SIPMethod.ack.rawValue)

    /// What copies and responses are bucketed by: method, CSeq and one Via (the From tag, a
    /// String, is only compared).
    static func viaHash(methodHash: Int, cseq: UInt32, via: ViaKey) -> Int {
        viaHash(methodHash: methodHash, cseq: cseq, branchHash: via.branchHash)
    }

    /// `viaHash(methodHash:cseq:via:)` from the Via's branch hash alone (no copy of the Via).
    static func viaHash(methodHash: Int, cseq: UInt32, branchHash: Int) -> Int {
        KeyHash.mix(KeyHash.mix(branchHash, Int(cseq)), methodHash)
    }

    init(entries: [CallRecord.Entry]) {
        // A retransmission repeats the same message from the same sender to the same receiver;
        // the To tag is compared too because a UAS may answer again with a new tag.
        var seen = HashChains(capacity: entries.count)
        var seenResponses = HashChains(capacity: entries.count)
        // Sized up front: a call's few dozen messages otherwise regrow both arrays four or five times.
        copies.reserveCapacity(entries.count)
        responses.reserveCapacity(entries.count)
        for entry in entries {
            let facts = entry.facts
            let hash = KeyHash.mix(KeyHash.mix(KeyHash.mix(
                Self.viaHash(methodHash: facts.methodHash, cseq: facts.cseq, via: facts.topVia),
                facts.statusCode ?? 0), KeyHash.address(entry.observed.source)), KeyHash.address(entry.observed.destination))
            if facts.isRequest {
                if let index = seen.first(hash: hash, where: { Self.repeats(entry, copies[$0].entry) }) {
                    copies[index].retransmittedFrames.append(entry.observed.frame)
                } else {
                    seen.append(hash: hash)
                    copies.append(Copy(entry: entry))
                }
            } else if let index = seenResponses.first(hash: hash, where: { Self.repeats(entry, responses[$0].entry) }) {
                responses[index].retransmittedFrames.append(entry.observed.frame)
            } else {
                seenResponses.append(hash: hash)
                responses.append(ResponseCopy(entry: entry))
            }
        }
        byTopVia = HashChains(capacity: copies.count)
        for copy in copies {
            byTopVia.append(hash: Self.viaHash(methodHash: copy.facts.methodHash, cseq: copy.facts.cseq, via: copy.facts.topVia))
        }
        link()
    }

    /// Whether `entry` repeats `earlier`: same top Via, method, CSeq, status, tags, sender and receiver.
    private static func repeats(_ entry: CallRecord.Entry, _ earlier: CallRecord.Entry) -> Bool {
        let (a, b) = (entry.facts, earlier.facts)
        return a.cseq == b.cseq && (a.statusCode ?? 0) == (b.statusCode ?? 0) && a.topVia == b.topVia
            && a.method == b.method && a.fromTag == b.fromTag && a.toTag == b.toTag
            && entry.observed.flow == earlier.observed.flow
    }

    /// Calls `body` with each copy (in copy order) whose method, CSeq and top Via are the given
    /// ones, and whose From tag is `fromTag` unless `anyFromTag`, until `body` returns false.
    /// Static, so that the linking code may change the graph's other fields from `body`.
    @inline(__always)
    private static func forEachCopy(of copies: [Copy], _ byTopVia: HashChains, method: SIPMethod, methodHash: Int,
                                    cseq: UInt32, fromTag: String?, anyFromTag: Bool = false, topVia via: ViaKey,
                                    _ body: (Int) -> Bool) {
        byTopVia.forEach(hash: viaHash(methodHash: methodHash, cseq: cseq, via: via)) { index in
            let entry = copies[index].entry
            guard entry.facts.cseq == cseq && entry.facts.method == method
                    && (anyFromTag || entry.facts.fromTag == fromTag) && entry.facts.topVia == via else { return true }
            return body(index)
        }
    }

    /// The first copy with the method, CSeq and top Via of `entry` (a request or a response: a
    /// response goes back along the Vias of the copy it answers, so its top Via is that copy's).
    /// Copies sharing these share it: the assembler matches responses to requests through it.
    func firstCopy(withTopViaOf entry: CallRecord.Entry) -> Int? {
        // The facts read in place through the entries (no copy of a Via per look-up); a copy
        // reached before any other with its key is its own first copy.
        let hash = Self.viaHash(methodHash: entry.facts.methodHash, cseq: entry.facts.cseq,
                                branchHash: entry.facts.topVia.branchHash)
        return byTopVia.first(hash: hash) { index in
            let candidate = copies[index].entry
            return candidate === entry
                || (candidate.facts.cseq == entry.facts.cseq && candidate.facts.method == entry.facts.method
                    && candidate.facts.topVia == entry.facts.topVia)
        }
    }

    private mutating func link() {
        let copies = self.copies, byTopVia = self.byTopVia
        var edges: [(from: Int, to: Int)] = []
        var union = UnionFind(count: copies.count)
        // End-to-end forwarding: one Via deeper.
        for index in copies.indices {
            let entry = copies[index].entry
            guard let second = entry.facts.secondVia else { continue }
            Self.forEachCopy(of: copies, byTopVia, method: entry.facts.method, methodHash: entry.facts.methodHash,
                             cseq: entry.facts.cseq, fromTag: entry.facts.fromTag, topVia: second) { parent in
                if copies[parent].entry.facts.viaCount + 1 == entry.facts.viaCount {
                    edges.append((parent, index))
                    union.join(parent, index)
                }
                return true
            }
        }
        let isFailureACK = Self.failureACKs(copies: copies, responses: responses, byTopVia: byTopVia)
        // Hop-by-hop requests follow the INVITE's hops (the edges found so far: those added
        // below join CANCELs).
        let forwardEdges = edges.count
        for (method, methodHash) in [(SIPMethod.cancel, Self.cancelHash), (SIPMethod.ack, Self.ackHash)] {
            let isCancel = method == .cancel
            for edgeIndex in 0..<forwardEdges where copies[edges[edgeIndex].from].entry.facts.method == .invite {
                let edge = edges[edgeIndex]
                let incoming = copies[edge.from].entry, outgoing = copies[edge.to].entry
                Self.forEachCopy(of: copies, byTopVia, method: method, methodHash: methodHash, cseq: incoming.facts.cseq,
                                 fromTag: incoming.facts.fromTag, topVia: incoming.facts.topVia) { from in
                    guard isCancel || isFailureACK[from] else { return true }
                    Self.forEachCopy(of: copies, byTopVia, method: method, methodHash: methodHash, cseq: outgoing.facts.cseq,
                                     fromTag: outgoing.facts.fromTag, topVia: outgoing.facts.topVia) { to in
                        guard from != to && !edges.contains(where: { $0 == (from, to) }) else { return true }
                        union.join(from, to)
                        // A proxy answers a non-2xx with its own ACK as soon as the response comes
                        // (RFC 3261 17.1.1.3) and absorbs the UAC's: same transaction, not a forward.
                        // Its CANCEL follows the one it received.
                        if isCancel && copies[to].entry.observed.time >= copies[from].entry.observed.time {
                            edges.append((from, to))
                        }
                        return true
                    }
                    return true
                }
            }
        }
        self.edges = edges
        self.isFailureACK = isFailureACK
        groups = Self.groups(of: copies, edges: edges, union: &union)
    }

    /// Per copy, whether it is an ACK to a non-2xx.
    ///
    /// ACK to a non-2xx carries the top Via of the INVITE it acknowledges (RFC 3261 17.1.1.3).
    /// Some UAs reuse the INVITE's branch for the ACK to a 2xx too: an INVITE answered 2xx on
    /// that hop makes it the end-to-end ACK. Some UAs give the ACK to a non-2xx a new branch:
    /// then the To tag of a failure response to the INVITE with that CSeq (and no 2xx with it)
    /// tells (RFC 2543 matching, 17.1.1.3).
    ///
    /// Static, on the graph's tables: as a method it was called from the mutating `link`, which
    /// copied the whole graph (a retain of each of its arrays) to call it.
    private static func failureACKs(copies: [Copy], responses: [ResponseCopy], byTopVia: HashChains) -> [Bool] {
        var isFailureACK = [Bool].filled(false, count: copies.count)
        // A usual call's few responses are scanned for each ACK: building the tables below (and
        // hashing every final response's tags) cost more than the scans.
        guard responses.count > HashChains.linearLimit else {
            for index in copies.indices where copies[index].entry.facts.method == .ack {
                let ack = copies[index].entry
                if hasInvite(acknowledgedBy: ack, copies: copies, byTopVia: byTopVia)
                    && !responses.contains(where: { Self.isSuccess($0.entry, acknowledgedBy: ack) }) {
                    isFailureACK[index] = true
                    continue
                }
                var failed = false, succeeded = false
                for response in responses where Self.isFinal(response.entry, taggedLike: ack) {
                    if (response.facts.statusCode ?? 0) >= 300 { failed = true } else { succeeded = true }
                }
                if failed && !succeeded { isFailureACK[index] = true }
            }
            return isFailureACK
        }
        var successes: [Int] = []
        var successChains = HashChains(capacity: 0)
        var finals: [Int] = []
        for index in responses.indices where Self.isInvite(responses[index].entry) {
            let response = responses[index].entry
            let code = response.facts.statusCode ?? 0
            if code / 100 == 2 {
                if successes.isEmpty { successChains = HashChains(capacity: responses.count) }
                successes.append(index)
                successChains.append(hash: Self.viaHash(methodHash: Self.inviteHash, cseq: response.facts.cseq,
                                                        via: response.facts.topVia))
            }
            if code >= 200 { finals.append(index) }
        }
        // Built on first need: most ACKs are told by their branch alone.
        var tagChains: HashChains?
        for index in copies.indices where copies[index].entry.facts.method == .ack {
            let ack = copies[index].entry
            if hasInvite(acknowledgedBy: ack, copies: copies, byTopVia: byTopVia) {
                let answered = successChains.first(hash: Self.viaHash(methodHash: Self.inviteHash, cseq: ack.facts.cseq,
                                                                      via: ack.facts.topVia)) { item in
                    Self.isSuccess(responses[successes[item]].entry, acknowledgedBy: ack)
                } != nil
                if !answered {
                    isFailureACK[index] = true
                    continue
                }
            }
            if tagChains == nil {
                var chains = HashChains(capacity: finals.count)
                for response in finals { chains.append(hash: Self.tagHash(responses[response].entry)) }
                tagChains = chains
            }
            var failed = false, succeeded = false
            tagChains?.forEach(hash: Self.tagHash(ack)) { item in
                let response = responses[finals[item]].entry
                if Self.isFinal(response, taggedLike: ack) {
                    if (response.facts.statusCode ?? 0) >= 300 { failed = true } else { succeeded = true }
                }
                return true
            }
            if failed && !succeeded { isFailureACK[index] = true }
        }
        return isFailureACK
    }

    /// Whether a copy of the INVITE that `ack` would acknowledge hop by hop (same CSeq, From
    /// tag and top Via) exists.
    private static func hasInvite(acknowledgedBy ack: CallRecord.Entry, copies: [Copy], byTopVia: HashChains) -> Bool {
        var found = false
        Self.forEachCopy(of: copies, byTopVia, method: .invite, methodHash: Self.inviteHash, cseq: ack.facts.cseq,
                         fromTag: ack.facts.fromTag, topVia: ack.facts.topVia) { _ in found = true; return false }
        return found
    }

    /// A response to an INVITE (the method hash told first: comparing two different method
    /// names calls into the String runtime).
    private static func isInvite(_ response: CallRecord.Entry) -> Bool {
        response.facts.methodHash == inviteHash && response.facts.method == .invite
    }

    /// Whether `response` is a 2xx to the INVITE that `ack` carries the CSeq, From tag and top Via of.
    private static func isSuccess(_ response: CallRecord.Entry, acknowledgedBy ack: CallRecord.Entry) -> Bool {
        response.facts.cseq == ack.facts.cseq && (response.facts.statusCode ?? 0) / 100 == 2 && isInvite(response)
            && response.facts.fromTag == ack.facts.fromTag && response.facts.topVia == ack.facts.topVia
    }

    /// Whether `response` is a final response to an INVITE with the CSeq and tags of `ack`.
    private static func isFinal(_ response: CallRecord.Entry, taggedLike ack: CallRecord.Entry) -> Bool {
        response.facts.cseq == ack.facts.cseq && (response.facts.statusCode ?? 0) >= 200 && isInvite(response)
            && response.facts.fromTag == ack.facts.fromTag && response.facts.toTag == ack.facts.toTag
    }

    private static func tagHash(_ entry: CallRecord.Entry) -> Int {
        KeyHash.mix(KeyHash.mix(Int(entry.facts.cseq), entry.facts.fromTag.map(KeyHash.string) ?? 0),
                    entry.facts.toTag.map(KeyHash.string) ?? 0)
    }

    /// Groups the joined copies: groups in order of their first copy, each sorted in path order.
    private static func groups(of copies: [Copy], edges: [(from: Int, to: Int)], union: inout UnionFind) -> [[Int]] {
        // Per root, first how many copies its group holds, then its group's number g (as -1 - g):
        // each group's array made at its size instead of regrown as copies join it.
        var slot = [Int].filled(0, count: copies.count)
        var groupCount = 0
        for index in copies.indices {
            let root = union.find(index)
            if slot[root] == 0 { groupCount += 1 }
            slot[root] += 1
        }
        var grouped: [[Int]] = []
        grouped.reserveCapacity(groupCount)
        for index in copies.indices {
            let root = union.find(index)
            if slot[root] > 0 {
                var group: [Int] = []
                group.reserveCapacity(slot[root])
                group.append(index)
                slot[root] = -1 - grouped.count
                grouped.append(group)
            } else {
                grouped[-1 - slot[root]].append(index)
            }
        }
        guard groupCount < copies.count else { return grouped }  // no group of two copies to order
        // Path order: how many hops from the originator (hop-by-hop copies all have one Via, so
        // the Via count alone cannot order them), then capture time. The slots hold the depths.
        var parentOf = [Int].filled(-1, count: copies.count)
        for edge in edges where parentOf[edge.to] < 0 { parentOf[edge.to] = edge.from }
        for copy in copies.indices {
            var node = copy, steps = 0
            while parentOf[node] >= 0, steps < copies.count { node = parentOf[node]; steps += 1 }
            slot[copy] = steps
        }
        let depths = slot
        for index in grouped.indices where grouped[index].count > 1 {
            grouped[index].sortIfNeeded { a, b in
                depths[a] != depths[b] ? depths[a] < depths[b]
                    : copies[a].entry.fields.time < copies[b].entry.fields.time
            }
        }
        return grouped
    }
}

/// Disjoint sets over `0..<count`, for grouping request copies.
struct UnionFind {
    private var parent: [Int]

    init(count: Int) { parent = Array(0..<count) }

    mutating func find(_ element: Int) -> Int {
        var root = element
        var steps = 0
        while parent[root] != root && steps < parent.count { root = parent[root]; steps += 1 }
        var node = element
        while parent[node] != root { let next = parent[node]; parent[node] = root; node = next }
        return root
    }

    mutating func join(_ a: Int, _ b: Int) {
        let (ra, rb) = (find(a), find(b))
        if ra != rb { parent[max(ra, rb)] = min(ra, rb) }
    }
}
