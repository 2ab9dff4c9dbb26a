import Dialogs
import Routing
import SIP

// The only place that knows how `SIPMessage` exposes the fields routing rules read, so rules talk
// about Route and Request-URI, not about parser API.
extension ObservedMessage {
    /// The Request-URI as on the request line; empty for a response.
    var requestURI: String {
        if case .request(_, let uri) = message.startLine { return uri }
        return ""
    }

    /// The method of a request, or the CSeq method of a response.
    var method: SIPMethod? {
        if case .request(let method, _) = message.startLine { return method }
        return message.cseq?.method
    }

    /// The status code of a response; nil for a request.
    var statusCode: Int? {
        if case .response(let code, _) = message.startLine { return code }
        return nil
    }

    /// Route values, one per value (comma-joined values split), top first, as on the wire.
    var routeValues: [String] { message.values(.route) }

    /// Route header field bodies, unsplit, in message order (what `loose_route` parses).
    var routeFields: [String] { message.fields(.route) }

    /// Record-Route values, one per value, top first, as on the wire.
    var recordRouteValues: [String] { message.values(.recordRoute) }

    var fromTag: String? { message.from?.tag }
    var toTag: String? { message.to?.tag }
    var viaCount: Int { message.vias.count }

    /// The request as Kamailio's `loose_route` reads it.
    var routedRequest: RoutedRequest {
        RoutedRequest(requestURI: requestURI, routeFields: routeFields, fromTag: fromTag, toTag: toTag,
                      hasToHeader: message.to != nil, method: method?.rawValue ?? "")
    }
}
