import Capture
import Dialogs
import Routing
import SIP
import Transport

/// One captured copy of a message with the fields the rules read, parsed once per audit (the SIP
/// parser decodes headers on access, and every rule reads Route and Record-Route).
///
/// The only place that knows how `SIPMessage` exposes those fields, so rules talk about Route and
/// Request-URI, not about parser API.
///
/// A class: rules pass copies around in arrays and closures, and sharing one immutable instance
/// costs a retain where copying its fields (message, flow, parsed routes) costs dozens.
final class MessageCopy: Sendable {
    let observed: ObservedMessage
    /// The Request-URI as on the request line; empty for a response.
    let requestURI: String
    /// The status code of a response; nil for a request.
    let statusCode: Int?
    /// Route values, one per value (comma-joined values split), top first.
    let route: [RouteValue]
    /// Record-Route values, one per value, top first; empty when not read (see `init`).
    let recordRoute: [RouteValue]

    /// - Parameter readsRecordRoute: false for a copy of an in-dialog request: rules read the
    ///   Record-Route of the dialog-forming messages only, and scanning every copy for it was a
    ///   fifth of building one.
    convenience init(_ observed: ObservedMessage, readsRecordRoute: Bool = true, cache: inout RouteValueCache) {
        self.init(observed, message: observed.message, readsRecordRoute: readsRecordRoute, cache: &cache)
    }

    /// - Parameter message: `observed.message`, when the caller has read it already (each read
    ///   copies the message out of its box).
    init(_ observed: ObservedMessage, message: SIPMessage, readsRecordRoute: Bool = true,
         cache: inout RouteValueCache) {
        self.observed = observed
        if let code = message.statusCode {
            requestURI = ""
            statusCode = code
            route = []
        } else {
            requestURI = cache.requestURI(of: message)
            statusCode = nil
            route = cache.values(.route, of: message)
        }
        recordRoute = readsRecordRoute ? cache.values(.recordRoute, of: message) : []
    }

    // From and To are decoded on access: only copies that reach a proxy need their tags, and
    // those read them through `ProxyVisit`, which keeps the tags `routedRequest` decoded.
    var fromTag: String? { observed.message.fromTag }

    /// Route header field bodies, unsplit, in message order (what `loose_route` parses); read on
    /// access, as only copies reaching a proxy are routed. Empty for a response.
    var routeFields: [String] { Self.routeFields(of: observed.message, isRequest: statusCode == nil) }
    var toTag: String? { observed.message.toTag }

    /// The number of Via values, counted on access without building Strings: only the copies of
    /// the initial request, its responses, CANCEL and failure ACK are asked, a few per dialog.
    var viaCount: Int {
        var count = 0
        observed.message.forEachValueRange(.via) { _ in count += 1 }
        return count
    }

    /// The method of a request, or the CSeq method of a response; read on access (only routed
    /// requests are asked, and a response's would cost a CSeq parse).
    var method: SIPMethod? { Self.method(of: observed.message, isRequest: statusCode == nil) }

    private static func routeFields(of message: SIPMessage, isRequest: Bool) -> [String] {
        isRequest ? message.fields(.route) : []
    }

    private static func method(of message: SIPMessage, isRequest: Bool) -> SIPMethod? {
        isRequest ? message.method : message.cseq?.method
    }

    var frame: Int { observed.frame }
    var time: CaptureTime { observed.time }
    var fileIndex: Int { observed.fileIndex }
    var flow: Flow { observed.flow }
    var source: TransportAddress { observed.source }
    var destination: TransportAddress { observed.destination }

    /// True when `other` is this very copy (same frames, file and flow).
    func isSame(as other: ObservedMessage) -> Bool {
        observed.frames == other.frames && observed.fileIndex == other.fileIndex && observed.flow == other.flow
    }

    /// The request as Kamailio's `loose_route` reads it, with the tags the caller decoded
    /// (`to` as `SIPMessage.tag(of: .to)` gives it). The message is read once: `routeFields` and
    /// `method` would each copy it.
    func routedRequest(fromTag: String?, to: String??) -> RoutedRequest {
        let message = observed.message
        let isRequest = statusCode == nil
        return RoutedRequest(requestURI: requestURI, routeFields: Self.routeFields(of: message, isRequest: isRequest),
                             fromTag: fromTag, toTag: to ?? nil, hasToHeader: to != nil,
                             method: Self.method(of: message, isRequest: isRequest)?.rawValue ?? "")
    }
}
