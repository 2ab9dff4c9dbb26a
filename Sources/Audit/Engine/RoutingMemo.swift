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

    private var entries: [(key: Key, routing: Routing)] = []
    /// Distinct texts remembered; a crafted dialog with thousands of distinct requests must not
    /// make every look-up scan thousands of entries (those beyond are computed each time).
    private static let limit = 16

    mutating func routing(for key: Key, compute: () -> Routing) -> Routing {
        // By index: `first(where:)` copies each remembered entry (key, evaluation, answers: a
        // dozen retains and releases) only to compare its key.
        for index in entries.indices where entries[index].key.matches(key) { return entries[index].routing }
        let routing = compute()
        if entries.count < Self.limit { entries.append((key, routing)) }
        return routing
    }
}
