/// PROXY_BYPASSED: a proxy in the route set asked to see every request of the dialog (RFC 3261
/// §16.6 step 4, §12.2.1.1). Reported when a request reached its recipient while no copy of it
/// was captured arriving at a record-routing proxy whose addresses the capture shows.
struct ProxyBypassRule: AuditRule {
    var codes: [FindingCode] { [.proxyBypassed] }

    func findings(in context: AuditContext) -> [Finding] {
        // A loop, not flatMap: each request's (mostly empty) list was appended to the result.
        var findings: [Finding] = []
        for ua in context.uaRequests {
            let copies = ua.request.copies
            // A finding needs an observed proxy of the route set that no copy reached: most
            // requests pass every proxy, and that is told without the recipient or a list.
            guard ua.routeSet.contains(where: { value in
                guard let proxy = context.owner(of: value), proxy.isObserved else { return false }
                return !copies.contains { proxy.owns($0.flow.destination) }
            }) else { continue }
            // By index: `first(where:)` would copy the observed message to read its frame.
            guard let recipient = context.recipient(ua.request.direction).endpoint,
                  let delivered = copies.firstIndex(where: { $0.flow.destination == recipient.endpoint })
            else { continue }
            var proxies: [ProxyIdentity] = []  // each once, in route set order (a handful: no Set)
            for value in ua.routeSet {
                guard let proxy = context.owner(of: value), proxy.isObserved,
                      !proxies.contains(where: { $0.index == proxy.index }) else { continue }
                proxies.append(proxy)
            }
            findings += proxies.compactMap { proxy in
                guard !copies.contains(where: { proxy.owns($0.flow.destination) }) else { return nil }
                return context.finding(
                    .proxyBypassed, frame: copies[delivered].frame, proxy: proxy,
                    message: "\(ua.request.method) reached \(recipient) without passing \(proxy.name)",
                    evidence: [EvidenceEntry("route_set", .strings(ua.routeSet.map(\.raw))),
                               EvidenceEntry("path", .strings(copies.map { "\($0.source) -> \($0.destination)" }))])
            }
        }
        return findings
    }
}
