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
        guard let first = recordRoute.first else { return [] }
        // Every proxy of every dialog record asks: the usual plain value is read in one pass.
        return Self.plainRecordRouteParameters(first) ?? Self.parsedRecordRouteParameters(first)
    }

    /// `recordRouteParameters` read as Kamailio reads the value (parameters inside `<>` only,
    /// quotes respected): the general case.
    static func parsedRecordRouteParameters(_ value: String) -> [(name: String, value: String?)] {
        guard let entry = (try? RouteEntry.parseFields([value]))?.first else { return [] }
        return URIParameters.all(in: entry.uriParameters).filter {
            let name = $0.name.lowercased()
            return name != "lr" && name != "r2" && name != "transport"
        }
    }

    /// `parsedRecordRouteParameters` for a value that is one `<uri>` and nothing else, without
    /// quotes, white space, `,`, `?` or `@`: then the URI's parameters are the text after its first
    /// `;`, split at every `;`, untrimmed. Nil for anything else (read the general way).
    static func plainRecordRouteParameters(_ value: String) -> [(name: String, value: String?)]? {
        var value = value
        return value.withUTF8 { b -> [(name: String, value: String?)]? in
            guard b.count >= 2, b[0] == UInt8(ascii: "<"), b[b.count - 1] == UInt8(ascii: ">") else { return nil }
            let end = b.count - 1
            var firstSemi: Int?
            for i in 1..<end {
                switch b[i] {
                case UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: ","), UInt8(ascii: "?"),
                     UInt8(ascii: "@"), 0x20, 0x09, 0x0D, 0x0A:
                    return nil
                case UInt8(ascii: ";"):
                    if firstSemi == nil { firstSemi = i }
                default:
                    break
                }
            }
            guard let firstSemi else { return [] }
            func text(_ lo: Int, _ hi: Int) -> String {
                String(utf8Bytes: b[lo..<hi])
            }
            var parameters: [(name: String, value: String?)] = []
            var start = firstSemi + 1
            while start < end {
                var stop = start
                var equals: Int?
                while stop < end, b[stop] != UInt8(ascii: ";") {
                    if equals == nil, b[stop] == UInt8(ascii: "=") { equals = stop }
                    stop += 1
                }
                let nameEnd = equals ?? stop
                if equals != nil || stop > start, !isRoutingMechanics(UnsafeBufferPointer(rebasing: b[start..<nameEnd])) {
                    parameters.append((text(start, nameEnd), equals.map { text($0 + 1, stop) }))
                }
                start = stop + 1
            }
            return parameters
        }
    }

    /// Whether a parameter name is `lr`, `r2` or `transport`, ASCII case-insensitive (as
    /// `lowercased()` compares them: no other character lower-cases to these letters).
    private static func isRoutingMechanics(_ name: UnsafeBufferPointer<UInt8>) -> Bool {
        func matches(_ word: StaticString) -> Bool {
            guard name.count == word.utf8CodeUnitCount else { return false }
            for i in 0..<name.count {
                let c = name[i]
                let lower = c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z") ? c + 32 : c
                if lower != word.utf8Start[i] { return false }
            }
            return true
        }
        return matches("lr") || matches("r2") || matches("transport")
    }
}
