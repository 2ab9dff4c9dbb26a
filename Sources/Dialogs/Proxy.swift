import Routing
import Transport

/// A SIP element the capture shows forwarding requests of a dialog (or one declared with `--proxy`).
///
/// Identified from hops: the same request seen arriving at and leaving an element, with one more
/// Via on the way out whose second value is the incoming top Via (rr-spec §7).
public struct Proxy: Sendable, Hashable {
    /// Every address it was seen receiving on (destination of incoming copies) or sending from
    /// (source of outgoing copies), first seen first. `addresses[0]` names the proxy in reports.
    public var addresses: [TransportAddress]
    /// The Record-Route values it inserted into the dialog-forming request, top first, as on the
    /// wire: the difference between the outgoing and the incoming copy. Empty when it did not
    /// record-route or when that request was not captured on both sides.
    public var recordRoute: [String]
    /// True when it inserted two Record-Route values (RFC 5658 double record-routing).
    public var isDoubleRecordRoute: Bool
    /// True when `--proxy` named one of its addresses.
    public var isDeclared: Bool
    /// True when at least one hop through it was captured (incoming and outgoing copy).
    public var isObserved: Bool
    /// True when the dialog-forming request was captured arriving at and leaving this proxy, so
    /// `recordRoute` is known (empty then means: it did not record-route).
    public var hasRecordRouteEvidence: Bool = false

    public init(addresses: [TransportAddress], recordRoute: [String] = [], isDoubleRecordRoute: Bool = false,
                isDeclared: Bool = false, isObserved: Bool = true) {
        self.addresses = addresses
        self.recordRoute = recordRoute
        self.isDoubleRecordRoute = isDoubleRecordRoute
        self.isDeclared = isDeclared
        self.isObserved = isObserved
    }

    /// The address reports name the proxy by.
    public var primaryAddress: TransportAddress? { addresses.first }

    /// True when the proxy was seen on `endpoint` (transport ignored, as Kamailio's `myself` does).
    public func owns(_ endpoint: Endpoint) -> Bool {
        addresses.contains { $0.endpoint == endpoint }
    }

    /// The URI parameters of its first Record-Route value, in wire order, without `lr`, `r2` and
    /// `transport` (routing mechanics, not the proxy's own state), e.g. `ftag=a1`, `nat=yes`.
    public var recordRouteParameters: [(name: String, value: String?)] {
        // Read as Kamailio reads the value (parameters inside `<>` only, quotes respected).
        guard let first = recordRoute.first,
              let entry = (try? RouteEntry.parseFields([first]))?.first else { return [] }
        return URIParameters.all(in: entry.uriParameters).filter {
            let name = $0.name.lowercased()
            return name != "lr" && name != "r2" && name != "transport"
        }
    }
}
