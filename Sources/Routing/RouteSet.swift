/// A dialog's route set (RFC 3261 §12.1): the Record-Route values of the dialog-forming request or
/// response, in the order a UA uses them.
public struct RouteSet: Sendable, Hashable {
    /// The entries, first hop first.
    public let entries: [RouteEntry]

    /// Creates a route set from entries already in use order.
    public init(entries: [RouteEntry]) {
        self.entries = entries
    }

    /// The UAS route set (§12.1.1): the Record-Route values of the request, in the order received.
    public static func uas(recordRouteFields: [String]) throws(RouteParseError) -> RouteSet {
        RouteSet(entries: try RouteEntry.parseFields(recordRouteFields))
    }

    /// The UAC route set (§12.1.2): the Record-Route values of the response, in reverse order (also
    /// reversing values that shared one comma-separated header).
    public static func uac(recordRouteFields: [String]) throws(RouteParseError) -> RouteSet {
        RouteSet(entries: try RouteEntry.parseFields(recordRouteFields).reversed())
    }

    /// Whether the set is empty.
    public var isEmpty: Bool { entries.isEmpty }

    /// The Route values as a UA writes them, one per entry (`raw` text, display name and header
    /// parameters kept as recorded).
    public var values: [String] { entries.map(\.raw) }

    /// The request a UA sends with this route set to `remoteTarget` (§12.2.1.1).
    public func plan(remoteTarget: String) -> RequestPlan {
        RequestPlan(routeSet: self, remoteTarget: remoteTarget)
    }
}
