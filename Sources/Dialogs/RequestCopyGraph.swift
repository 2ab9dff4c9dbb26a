/// Folds retransmissions and links the copies of each request along its path through proxies.
///
/// A copy B is the forward of copy A when both carry the same CSeq, method and From tag, B has
/// exactly one Via more, and B's second Via is A's top Via (same branch and sent-by; rr-spec §7).
/// CANCEL and ACK to a non-2xx are hop by hop (RFC 3261 9.1, 17.1.1.3): each element builds its
/// own with only its own Via, equal to the top Via of the INVITE it sent, so their copies are
/// linked through the INVITE's hops instead.
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
    /// ACK copies that answer a non-2xx (they share the INVITE's top Via).
    private(set) var failureACKs: Set<Int> = []

    private struct FoldKey: Hashable {
        var via: ViaKey
        var method: String
        var cseq: UInt32
        var status: Int
        var fromTag: String?
        var toTag: String?
        var source: TransportAddress
        var destination: TransportAddress

        /// Hashes all but the tags (Strings, and rarely what tells copies apart); `==` still
        /// compares them. Hashing every String of the key was the largest part of building the
        /// graph. Sender and receiver stay in: a capture that repeats the same message between
        /// many pairs of hosts would otherwise put thousands of copies in one bucket.
        func hash(into hasher: inout Hasher) {
            hasher.combine(via)
            hasher.combine(cseq)
            hasher.combine(status)
            hasher.combine(method)
            hasher.combine(source)
            hasher.combine(destination)
        }
    }

    private struct TagKey: Hashable {
        var cseq: UInt32
        var fromTag: String?
        var toTag: String?
    }

    private struct LinkKey: Hashable {
        var method: String
        var cseq: UInt32
        var fromTag: String?
        var via: ViaKey

        /// Hashes the branch, CSeq and method only (see `FoldKey`); `==` compares all fields.
        func hash(into hasher: inout Hasher) {
            hasher.combine(via)
            hasher.combine(cseq)
            hasher.combine(method)
        }
    }

    init(entries: [CallRecord.Entry]) {
        // Sized up front: growing rehashes every key (each several Strings) again.
        var seen: [FoldKey: Int] = Dictionary(minimumCapacity: entries.count)
        var seenResponses: [FoldKey: Int] = Dictionary(minimumCapacity: entries.count)
        for entry in entries {
            let facts = entry.facts
            // A retransmission repeats the same message from the same sender to the same receiver;
            // the To tag is part of the key because a UAS may answer again with a new tag.
            let key = FoldKey(via: facts.topVia, method: facts.method.rawValue, cseq: facts.cseq,
                              status: facts.statusCode ?? 0, fromTag: facts.fromTag,
                              toTag: facts.toTag,
                              source: entry.observed.source, destination: entry.observed.destination)
            if facts.isRequest {
                if let index = seen[key] {
                    copies[index].retransmittedFrames.append(entry.observed.frame)
                } else {
                    seen[key] = copies.count
                    copies.append(Copy(entry: entry))
                }
            } else if let index = seenResponses[key] {
                responses[index].retransmittedFrames.append(entry.observed.frame)
            } else {
                seenResponses[key] = responses.count
                responses.append(ResponseCopy(entry: entry))
            }
        }
        link()
    }

    private mutating func link() {
        var byTopVia: [LinkKey: [Int]] = Dictionary(minimumCapacity: copies.count)
        for (index, copy) in copies.enumerated() {
            let key = LinkKey(method: copy.facts.method.rawValue, cseq: copy.facts.cseq,
                              fromTag: copy.facts.fromTag, via: copy.facts.topVia)
            byTopVia[key, default: []].append(index)
        }
        var union = UnionFind(count: copies.count)
        // End-to-end forwarding: one Via deeper.
        for (index, copy) in copies.enumerated() where copy.facts.vias.count >= 2 {
            let key = LinkKey(method: copy.facts.method.rawValue, cseq: copy.facts.cseq,
                              fromTag: copy.facts.fromTag, via: copy.facts.vias[1])
            for parent in byTopVia[key] ?? [] where copies[parent].facts.vias.count + 1 == copy.facts.vias.count {
                edges.append((parent, index))
                union.join(parent, index)
            }
        }
        // ACK to a non-2xx carries the top Via of the INVITE it acknowledges (RFC 3261 17.1.1.3).
        // Some UAs reuse the INVITE's branch for the ACK to a 2xx too: an INVITE answered 2xx on
        // that hop makes it the end-to-end ACK.
        var answeredSuccess: Set<LinkKey> = []
        for response in responses where response.facts.method == .invite && (response.facts.statusCode ?? 0) / 100 == 2 {
            answeredSuccess.insert(LinkKey(method: "INVITE", cseq: response.facts.cseq, fromTag: response.facts.fromTag,
                                           via: response.facts.topVia))
        }
        // Some UAs give the ACK to a non-2xx a new branch: then the To tag of a failure response
        // to the INVITE with that CSeq (and no 2xx with it) tells (RFC 2543 matching, 17.1.1.3).
        var failedTags: Set<TagKey> = [], succeededTags: Set<TagKey> = []
        for response in responses where response.facts.method == .invite {
            let key = TagKey(cseq: response.facts.cseq, fromTag: response.facts.fromTag, toTag: response.facts.toTag)
            let code = response.facts.statusCode ?? 0
            if code >= 300 { failedTags.insert(key) } else if code >= 200 { succeededTags.insert(key) }
        }
        for (index, copy) in copies.enumerated() where copy.facts.method == .ack {
            let invite = LinkKey(method: "INVITE", cseq: copy.facts.cseq, fromTag: copy.facts.fromTag,
                                 via: copy.facts.topVia)
            let tags = TagKey(cseq: copy.facts.cseq, fromTag: copy.facts.fromTag, toTag: copy.facts.toTag)
            if byTopVia[invite] != nil && !answeredSuccess.contains(invite)
                || failedTags.contains(tags) && !succeededTags.contains(tags) {
                failureACKs.insert(index)
            }
        }
        // Hop-by-hop requests follow the INVITE's hops.
        let inviteEdges = edges.filter { copies[$0.from].facts.method == .invite }
        for method in ["CANCEL", "ACK"] {
            for edge in inviteEdges {
                let incoming = copies[edge.from].facts, outgoing = copies[edge.to].facts
                let inKey = LinkKey(method: method, cseq: incoming.cseq, fromTag: incoming.fromTag, via: incoming.topVia)
                let outKey = LinkKey(method: method, cseq: outgoing.cseq, fromTag: outgoing.fromTag, via: outgoing.topVia)
                for from in byTopVia[inKey] ?? [] where method == "CANCEL" || failureACKs.contains(from) {
                    for to in byTopVia[outKey] ?? [] where from != to && !edges.contains(where: { $0 == (from, to) }) {
                        union.join(from, to)
                        // A proxy answers a non-2xx with its own ACK as soon as the response comes
                        // (RFC 3261 17.1.1.3) and absorbs the UAC's: same transaction, not a forward.
                        // Its CANCEL follows the one it received.
                        if method == "CANCEL" && copies[to].entry.observed.time >= copies[from].entry.observed.time {
                            edges.append((from, to))
                        }
                    }
                }
            }
        }
        var grouped: [Int: [Int]] = [:]
        var order: [Int] = []
        for index in copies.indices {
            let root = union.find(index)
            if grouped[root] == nil { order.append(root) }
            grouped[root, default: []].append(index)
        }
        // Path order: how many hops from the originator (hop-by-hop copies all have one Via, so
        // the Via count alone cannot order them), then capture time.
        var parentOf: [Int: Int] = [:]
        for edge in edges where parentOf[edge.to] == nil { parentOf[edge.to] = edge.from }
        func depth(_ copy: Int) -> Int {
            var node = copy, steps = 0
            while let parent = parentOf[node], steps < copies.count { node = parent; steps += 1 }
            return steps
        }
        let depths = copies.indices.map(depth)
        groups = order.map { root in
            (grouped[root] ?? []).sorted { a, b in
                depths[a] != depths[b] ? depths[a] < depths[b]
                    : copies[a].entry.observed.time < copies[b].entry.observed.time
            }
        }
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
