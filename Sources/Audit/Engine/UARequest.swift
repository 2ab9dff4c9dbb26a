import Dialogs
import SIP

/// An in-dialog request as the sending UA emitted it, next to what RFC 3261 §12.2.1.1 says it
/// must carry given the sender's route set and remote target.
///
/// A class, shared rather than copied: six rules walk the UA requests of every dialog, and
/// copying one (the request with its copies, four route lists) cost a dozen retains and releases.
final class UARequest: Sendable {
    /// What rules read of the request: a copy of the whole `DialogRequest` (hops, responses)
    /// cost a dozen retains and releases per request.
    struct Request: Sendable {
        let method: SIPMethod
        /// The true direction, from the dialog tags.
        let direction: RequestDirection
        /// Every captured copy, in path order.
        let copies: [ObservedMessage]
    }

    let request: Request
    /// The copy the UA sent (before any proxy).
    let copy: MessageCopy
    /// The sender's route set (§12.1.1 for the callee, §12.1.2 for the caller).
    let routeSet: [RouteValue]
    /// The remote target the sender had to use, when known.
    let remoteTarget: String?
    let observedRoute: [RouteValue]
    /// The Route the request must carry (§12.2.1.1): the route set, or, when the first entry is a
    /// strict router and the UA addressed it, the rest of the set plus the remote target.
    let expectedRoute: [RouteValue]
    /// The Request-URI it must carry: the remote target, or the strict first entry's URI.
    let expectedRequestURI: String?
    /// True when the UA put a route set entry in the Request-URI although the first entry is a
    /// loose router (the RFC 2543 strict form, STRICT_ROUTING).
    let isStrictForm: Bool
    /// The Request-URI read as a Route value (`<uri>`), to compare it with route set entries.
    /// Parsed on access: a request whose Request-URI is the remote target never compares it.
    var requestURIValue: RouteValue { RouteValue("<\(copy.requestURI)>") }

    /// - Parameter cache: the dialog's parsed Route values (the remote target appended after a
    ///   strict first entry recurs in every request of the dialog).
    init(request: Request, copy: MessageCopy, routeSet: [RouteValue], remoteTarget: String?,
         cache: inout RouteValueCache) {
        self.request = request
        self.copy = copy
        self.routeSet = routeSet
        self.remoteTarget = remoteTarget
        observedRoute = copy.route
        let ruri = copy.requestURI
        if let first = routeSet.first, !first.isLoose, first.element == RouteValue("<\(ruri)>").element {
            // A strict router first (RR_NO_LR): the strict form of §12.2.1.1 is right. A UA using
            // the loose form is not blamed again; Kamailio pops its own entry whatever its lr.
            expectedRoute = Array(routeSet.dropFirst()) + (remoteTarget.map { [cache.value("<\($0)>")] } ?? [])
            expectedRequestURI = first.uriText
            isStrictForm = false
        } else {
            expectedRoute = routeSet
            expectedRequestURI = remoteTarget
            let isRemoteTarget = remoteTarget.map { RouteComparison.equivalentURIs($0, ruri) } ?? false
            isStrictForm = !isRemoteTarget && routeSet.first?.isLoose == true
                && { let element = RouteValue("<\(ruri)>").element; return routeSet.contains { $0.element == element } }()
        }
    }
}
