/// The parts of a request that Kamailio's `loose_route` reads, as raw text (the engine reproduces
/// Kamailio's own parsing, so it does not take pre-parsed SIP objects).
public struct RoutedRequest: Sendable, Hashable {
    /// The Request-URI as on the request line.
    public var requestURI: String
    /// Every Route header field body as on the wire, unsplit, in message order.
    public var routeFields: [String]
    /// The From tag, `nil` when absent.
    public var fromTag: String?
    /// The To tag; `nil` or `""` means no To tag (an initial request: a "preloaded" route set).
    public var toTag: String?
    /// Whether the request has a To header at all (without one loose_route fails).
    public var hasToHeader: Bool
    /// The method.
    public var method: String

    /// Creates a request description.
    public init(requestURI: String, routeFields: [String], fromTag: String?, toTag: String?,
                hasToHeader: Bool = true, method: String) {
        self.requestURI = requestURI
        self.routeFields = routeFields
        self.fromTag = fromTag
        self.toTag = toTag
        self.hasToHeader = hasToHeader
        self.method = method
    }
}
