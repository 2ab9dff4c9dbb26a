/// The rr module's answer for each distinct request text routed at a proxy of one dialog.
///
/// `loose_route` reads only the Request-URI, the Route header fields and whether a To header and
/// a To tag are present (rr-spec §3; `LooseRouter` reads nothing else), so every copy carrying
/// the same text at the same proxy gets the same answer: the ACK and the BYE of a call, a
/// retransmission, a request looping through the proxy. The answer is computed once; what differs
/// per copy (From tag, direction, forwarded frame) is filled in by the caller.
struct RoutingMemo {
    /// The inputs `loose_route` reads, and the proxy whose "myself" set it uses.
    struct Key {
        var proxyIndex: Int
        var requestURI: String
        var hasToHeader: Bool
        /// No To tag (or an empty one): a pre-loaded route set.
        var preloaded: Bool
        /// The copy whose Route header fields are routed (compared by their bytes, see `matches`).
        var copy: MessageCopy

        /// True when `other` has the same inputs. Route fields are compared as the bytes on the
        /// wire, without building their texts: equal bytes make equal texts, and texts equal
        /// despite other bytes (folded differently) only cost a second computation.
        func matches(_ other: Key) -> Bool {
            proxyIndex == other.proxyIndex && hasToHeader == other.hasToHeader && preloaded == other.preloaded
                && requestURI == other.requestURI && copy.hasSameRouteFieldBytes(as: other.copy)
        }
    }

    /// The evaluation without its per-copy fields, and the ftag `is_direction()` reads from the
    /// routed parameters (`get_route_param`).
    struct Routing {
        var evaluation: ProxyEvaluation
        var ftag: String?
        var answers: LooseRouteAnswers
    }

    /// One remembered answer. A class: a look-up compares keys and hands out a reference, where
    /// a tuple in the array was copied (key, evaluation, answers: a dozen retains and releases)
    /// to compare its key and again to return its answer.
    final class Entry {
        let key: Key
        let routing: Routing

        init(key: Key, routing: Routing) {
            self.key = key
            self.routing = routing
        }
    }

    private var entries: [Entry] = []
    /// Distinct texts remembered; a crafted dialog with thousands of distinct requests must not
    /// make every look-up scan thousands of entries (those beyond are computed each time).
    private static let limit = 16

    /// The remembered answer for `key`, computed and remembered when there is none.
    mutating func routing(for key: Key, compute: () -> Routing) -> Entry {
        for entry in entries where entry.key.matches(key) { return entry }
        let entry = Entry(key: key, routing: compute())
        if entries.count < Self.limit { entries.append(entry) }
        return entry
    }
}
