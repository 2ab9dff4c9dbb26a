import SIP

/// A request (method and CSeq) at one proxy: rules report some defects once per request and
/// proxy, even when the request passes the proxy twice (a loop) or several copies arrive.
struct RequestAtProxy: Hashable {
    var method: SIPMethod
    var cseq: UInt32
    var proxyIndex: Int

    /// The requests already reported by a rule. A dialog has a handful: they are kept in a list
    /// (no hashing of the method name per visit) until a crafted dialog with many needs a Set.
    struct Seen {
        private var recent: [RequestAtProxy] = []
        private var many: Set<RequestAtProxy> = []
        private static var linearLimit: Int { 16 }

        /// Records `request`; true when it was not recorded before.
        mutating func insert(_ request: RequestAtProxy) -> Bool {
            guard !recent.contains(request), many.isEmpty || !many.contains(request) else { return false }
            if recent.isEmpty { recent.reserveCapacity(4) }  // one allocation for the usual handful
            if recent.count < Self.linearLimit { recent.append(request) } else { many.insert(request) }
            return true
        }
    }
}
