/// An `alias=host[:port]` entry of a Kamailio config: another name under which the proxy is
/// "myself". Matching is textual (case-insensitive), also for IPv6; port `nil` matches any port.
/// Note: Kamailio takes a quoted `alias="host:port"` whole as the host name (port any).
public struct HostAlias: Sendable, Hashable {
    /// The alias host name as configured.
    public var host: String
    /// The alias port; `nil` (Kamailio's port 0) matches any port.
    public var port: Int?

    /// Creates an alias.
    public init(host: String, port: Int? = nil) {
        self.host = host
        self.port = port
    }

    /// `grep_aliases`: IPv6 brackets stripped, then same length, case-insensitive equal host (no
    /// address normalisation), and port any or equal.
    func matches(host: String, port: Int) -> Bool {
        (self.port == nil || self.port == port)
            && ListeningSocket.sameIgnoringCase(ListeningSocket.stripBrackets(host),
                                                ListeningSocket.stripBrackets(self.host))
    }
}
