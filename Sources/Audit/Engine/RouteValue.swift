import Glibc
import Routing

/// One Record-Route or Route value as on the wire, parsed the way Kamailio's `parse_rr` reads it.
/// Rules compare these, never raw strings, so display names and spacing do not count as changes.
///
/// A value type over one shared, immutable parse: rules pass values around in arrays and
/// closures, and copying a reference costs one retain where the parsed fields cost dozens.
/// Everything is derived from `raw`, so two values are equal when their texts are.
struct RouteValue: Sendable, Hashable {
    private let storage: Storage

    /// The value as on the wire.
    var raw: String { storage.raw }
    /// `raw.utf8.count`, kept: look-ups compare lengths before texts.
    var rawLength: Int { storage.rawLength }
    /// The parsed entry; nil when Kamailio could not parse the value (RR_UNPARSEABLE).
    var entry: RouteEntry? { storage.entry }
    /// Why it did not parse.
    var parseError: RouteParseError? { storage.parseError }
    /// The URI between `<` and `>`, or the trimmed raw text when the value did not parse.
    var uriText: String { storage.uriText }
    /// The URI parameters in wire order: name lower-cased, value as written (nil for a flag).
    /// Split on access: only a value found changed is asked (`ftag` and `lrHasValue` are kept).
    var parameters: [URIParameter] {
        guard let params = storage.entry?.uri?.params, !params.isEmpty else { return [] }
        return RouteComparison.splitParameters(params)
    }
    /// What names the element the value points at: user, host (IP literals normalised) and port
    /// (protocol default when absent). Parameters are not part of it, so a value that lost `lr`
    /// is still the same proxy.
    ///
    /// Built on each access: a clean dialog never asks (its route lists match value for value and
    /// its Request-URIs are the remote targets), and building it for every value parsed was a
    /// tenth of the parse.
    var element: String {
        guard let uri = storage.entry?.uri else { return "?" + uriText.lowercased() }
        let host = uri.hostWithoutBrackets.map(RouteComparison.normalisedHost) ?? ""
        let port = uri.port ?? RouteComparison.defaultPort(scheme: uri.scheme, transport: uri.transport)
        return "\(uri.user ?? "")@\(host):\(port)"
    }
    /// The host as written and the port (5060 when absent) Kamailio's `check_self` compares, nil
    /// when the URI does not parse, has no host or has a `gr` parameter (never "myself"). Kept
    /// from the parse: every rule asks which proxy a value names.
    var myselfAddress: (host: String, port: Int)? { storage.myselfAddress }

    init(_ raw: String) {
        storage = Storage(raw)
    }

    static func == (left: RouteValue, right: RouteValue) -> Bool {
        // Lengths before texts: the distinct values of a dialog mostly differ in length.
        left.storage === right.storage || (left.storage.rawLength == right.storage.rawLength && left.raw == right.raw)
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(raw)
    }

    /// The parse of one value, shared by its copies.
    private final class Storage: Sendable {
        let raw: String
        let rawLength: Int
        let entry: RouteEntry?
        let parseError: RouteParseError?
        let uriText: String
        let ftag: String?
        let lrHasValue: Bool
        let myselfAddress: (host: String, port: Int)?
        let hasURI: Bool
        let isLoose: Bool
        let hasR2: Bool
        let transport: SocketProtocol?
        let port: Int?

        init(_ raw: String) {
            self.raw = raw
            rawLength = raw.utf8.count
            var parsed = RouteEntry.parseSingleValue(raw)  // the usual value: no one-element array
            if case .none = parsed {
                do {
                    let entries = try RouteEntry.parseField(raw, index: 0)
                    parsed = entries.count == 1 ? entries.first : nil
                    parseError = entries.count == 1 ? nil : .commaExpected(field: 0, offset: 0)
                } catch {
                    parseError = error
                }
            } else {
                parseError = nil
            }
            // Every piece is read from one unwrapped entry and URI, and the entry is moved into
            // `self.entry` last: each `entry?.…`, and storing the entry before reading it, copied
            // the whole entry (five Strings and the URI) once more. The flags are kept likewise.
            guard let entry = consume parsed else {
                self.entry = nil
                (hasURI, isLoose, hasR2, ftag, lrHasValue, myselfAddress, transport, port) =
                    (false, false, false, nil, false, nil, nil, nil)
                uriText = RouteComparison.trim(raw[...])
                return
            }
            uriText = entry.uriText
            guard let uri = entry.uri else {
                (hasURI, ftag, lrHasValue, myselfAddress, transport, port) = (false, nil, false, nil, nil, nil)
                isLoose = entry.isLoose
                hasR2 = entry.hasR2
                self.entry = consume entry
                return
            }
            hasURI = true
            port = uri.port
            // One pass over the parameters in place (building their String was a tenth of the
            // parse; scanning them once per question, another tenth).
            let (scan, scannedTransport) = uri.withParameterBytes { bytes in
                let scan = RouteComparison.scanParameters(bytes)
                return (scan, scan.transportValue.flatMap {
                    SocketProtocol(transportBytes: UnsafeBufferPointer(rebasing: bytes[$0]))
                })
            }
            (ftag, lrHasValue) = (scan.ftag, scan.lrHasValue)
            transport = scan.flags != nil ? scannedTransport : uri.transport
            let flags = scan.flags ?? (uri.isLoose, uri.hasR2, uri.hasGRUU)
            isLoose = flags.lr
            hasR2 = flags.r2
            if let host = uri.host, !flags.gr {
                myselfAddress = (host, uri.port ?? 5060)
            } else {
                myselfAddress = nil
            }
            self.entry = consume entry
        }
    }

    /// True when both lists hold values with the same URI texts, in order (display names and
    /// header parameters aside); compared in place, as rules ask this of every hop.
    static func sameURIs(_ left: some Collection<RouteValue>, _ right: some Collection<RouteValue>) -> Bool {
        left.count == right.count && left.elementsEqual(right) { $0.uriText == $1.uriText }
    }

    /// True when the value's text is exactly these UTF-8 bytes.
    func hasUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard storage.rawLength == bytes.count else { return false }
        var raw = raw
        return raw.withUTF8 { own in
            guard own.count == bytes.count else { return false }
            guard let left = own.baseAddress, let right = bytes.baseAddress else { return true }  // both empty
            return memcmp(left, right, own.count) == 0
        }
    }

    /// True when both are the very same parse (one `RouteValueCache` hands out one per text).
    func isIdentical(to other: RouteValue) -> Bool { storage === other.storage }

    /// True when the URI itself parsed (host, port, params usable).
    var hasURI: Bool { storage.hasURI }

    var isLoose: Bool { storage.isLoose }
    /// The URI's `transport` parameter as a protocol (`RouteURI.transport`), nil without a URI.
    var transport: SocketProtocol? { storage.transport }
    /// The URI's port as written (`RouteURI.port`), nil without one or without a URI.
    var port: Int? { storage.port }
    var hasR2: Bool { storage.hasR2 }
    /// The ftag parameter as written (Kamailio's `get_route_param` reading of it is
    /// `ProxyEvaluation.routeParams`' business: it misses e.g. a one-character value at the end).
    var ftag: String? { storage.ftag }

    /// `lr` written with a value (`lr=on`, as `enable_full_lr=1` does).
    var lrHasValue: Bool { storage.lrHasValue }

    /// The host written as an IPv6 address without brackets (RFC 3261 §25.1 requires them):
    /// the host:port after the scheme (and any user part) holds two or more colons and does not
    /// start with `[`. Read from UTF-8 bytes, as every Record-Route value comes here.
    var hasUnbracketedIPv6: Bool {
        var text = uriText
        // Plain index loops: the slice algorithms cost several times as much per byte here.
        return text.withUTF8 { uri in
            var start = 0
            while start < uri.count, uri[start] != UInt8(ascii: ":") { start += 1 }
            guard start < uri.count else { return false }
            start += 1
            // The last '@' after the scheme's colon, found with `memchr`: most values have none,
            // and a byte loop walked back over the whole URI for each.
            if let base = uri.baseAddress {
                var from = start, last: Int?
                while from < uri.count, let found = memchr(base + from, Int32(UInt8(ascii: "@")), uri.count - from) {
                    let at = UnsafeRawPointer(found) - UnsafeRawPointer(base)
                    last = at
                    from = at + 1
                }
                if let last { start = last + 1 }
            }
            guard start < uri.count, uri[start] != UInt8(ascii: "[") else { return false }
            var colons = 0
            var index = start
            while index < uri.count, uri[index] != UInt8(ascii: ";"), uri[index] != UInt8(ascii: "?") {
                if uri[index] == UInt8(ascii: ":") { colons += 1 }
                index += 1
            }
            return colons >= 2
        }
    }
}

/// One URI parameter: name lower-cased, value as written.
struct URIParameter: Sendable, Hashable {
    var name: String
    var value: String?

    /// `;name=value` as written in a URI.
    var text: String { value.map { ";\(name)=\($0)" } ?? ";\(name)" }
}
