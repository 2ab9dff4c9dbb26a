import Transport

/// Collects the proxies of one dialog from its hops: the element that received copy A and sent
/// copy B owns both A's destination and B's source. Hops sharing an address (ip:port, transport
/// ignored as Kamailio's `myself` ignores it) are the same proxy.
struct ProxyFinder {
    private(set) var proxies: [Proxy] = []

    /// Records a hop through an element; returns the index of its proxy.
    @discardableResult
    mutating func addHop(receivedOn incoming: TransportAddress, sentFrom outgoing: TransportAddress) -> Int {
        func owns(_ index: Int) -> Bool { proxies[index].owns(incoming.endpoint) || proxies[index].owns(outgoing.endpoint) }
        guard var index = proxies.indices.first(where: owns) else {
            var addresses = [incoming]
            if outgoing.endpoint != incoming.endpoint || outgoing.transport != incoming.transport { addresses.append(outgoing) }
            proxies.append(Proxy(addresses: addresses))
            return proxies.count - 1
        }
        // Two proxies found to share an address are one element seen on two interfaces (rare:
        // the list of the others is only made then).
        let others = proxies.indices[(index + 1)...].contains(where: owns)
            ? proxies.indices[(index + 1)...].filter(owns) : []
        for other in others.reversed() {
            for address in proxies[other].addresses where !proxies[index].addresses.contains(address) {
                proxies[index].addresses.append(address)
            }
            proxies[index].isDeclared = proxies[index].isDeclared || proxies[other].isDeclared
            proxies.remove(at: other)
            if other < index { index -= 1 }
        }
        for address in [incoming, outgoing] where !proxies[index].addresses.contains(address) {
            proxies[index].addresses.append(address)
        }
        proxies[index].isObserved = true
        return index
    }

    /// Marks or adds the `--proxy` addresses that any message of the dialog was sent to or from.
    mutating func declare(_ declared: [Endpoint], seen: [TransportAddress]) {
        for endpoint in declared {
            if let index = proxies.firstIndex(where: { $0.owns(endpoint) }) {
                proxies[index].isDeclared = true
            } else if let address = seen.first(where: { $0.endpoint == endpoint }) {
                proxies.append(Proxy(addresses: [address], isDeclared: true, isObserved: false))
            }
        }
    }

    /// Index of the proxy that owns `endpoint`.
    func index(owning endpoint: Endpoint) -> Int? {
        proxies.firstIndex { $0.owns(endpoint) }
    }

    /// Whether `noteRecordRoute` would still record anything for the proxy (so that its
    /// Record-Route lists need not be read otherwise).
    func awaitsRecordRoute(proxy index: Int) -> Bool {
        proxies.indices.contains(index) && !proxies[index].hasRecordRouteEvidence
    }

    /// Sets what a proxy inserted into the dialog-forming request, from the copy it received and
    /// the copy it sent; only the first hop of that request through the proxy counts.
    mutating func noteRecordRoute(proxy index: Int, incoming: [String], outgoing: [String]) {
        guard awaitsRecordRoute(proxy: index) else { return }
        let added: [String]
        if outgoing.count >= incoming.count && Array(outgoing.suffix(incoming.count)) == incoming {
            added = Array(outgoing.prefix(outgoing.count - incoming.count))
        } else {
            // Not inserted on top (or something below was altered): whatever is new.
            added = outgoing.filter { !incoming.contains($0) }
        }
        proxies[index].recordRoute = added
        proxies[index].isDoubleRecordRoute = added.count >= 2
        proxies[index].hasRecordRouteEvidence = true
    }
}
