/// Typed, lenient accessors for the headers routing and dialog tracking need.
extension SIPMessage {
    /// Call-ID (RFC 3261 20.8), first field, trimmed.
    public var callID: String? { field(.callID) }

    /// CSeq (RFC 3261 20.16), or nil if absent or malformed.
    public var cseq: CSeq? {
        guard let h = first(.cseq) else { return nil }
        return bytes.withUnsafeBufferPointer { p in try? CSeq.parse(p, h.rawValue) }
    }

    /// From (RFC 3261 20.20), or nil if absent or malformed.
    public var from: NameAddress? { field(.from).flatMap { try? NameAddress(lenient: $0) } }

    /// To (RFC 3261 20.39), or nil if absent or malformed.
    public var to: NameAddress? { field(.to).flatMap { try? NameAddress(lenient: $0) } }

    /// The From tag: `from?.tag` without parsing the From URI.
    public var fromTag: String? { tag(of: .from) ?? nil }

    /// The To tag: `to?.tag` without parsing the To URI.
    public var toTag: String? { tag(of: .to) ?? nil }

    /// The `tag` of the first From or To field read in place (no address built): nil when the
    /// field is absent or does not read as an address (exactly when `from` or `to` is nil),
    /// `.some(nil)` when it has no tag.
    public func tag(of name: HeaderName) -> String?? {
        withFieldBytes(name, NameAddress.lenientTag) ?? nil
    }

    /// To without its URI parsed (`uri` nil), for readers of its tag: nil exactly when `to` is.
    public var toSkippingURI: NameAddress? { field(.to).flatMap { try? NameAddress(lenientSkippingURI: $0) } }

    /// Every Via value, top first, read leniently (`Via(lenient:)`); values whose sent-protocol
    /// or sent-by cannot be read are left out (see `validate()` for the strict check).
    public var vias: [Via] { values(.via).compactMap { try? Via(lenient: $0) } }

    /// The topmost Via.
    public var topVia: Via? {
        guard let first = values(.via).first else { return nil }
        return try? Via(lenient: first)
    }

    /// Contact values (RFC 3261 20.10); empty for `Contact: *` (see `isWildcardContact`).
    public var contacts: [NameAddress] {
        values(.contact).compactMap { $0 == "*" ? nil : try? NameAddress(lenient: $0) }
    }

    /// True for `Contact: *` (REGISTER removing all bindings, RFC 3261 10.2.2).
    public var isWildcardContact: Bool { values(.contact) == ["*"] }

    /// Route values, top first, each as on the wire.
    public var routes: [String] { values(.route) }

    /// Record-Route values, top first, each as on the wire.
    public var recordRoutes: [String] { values(.recordRoute) }

    /// Route values parsed (malformed values left out).
    public var routeAddresses: [NameAddress] { routes.compactMap { try? NameAddress(lenient: $0) } }

    /// Record-Route values parsed (malformed values left out).
    public var recordRouteAddresses: [NameAddress] { recordRoutes.compactMap { try? NameAddress(lenient: $0) } }

    /// Max-Forwards (RFC 3261 20.22), 0-255.
    public var maxForwards: Int? { field(.maxForwards).flatMap { Self.number($0, max: 255) } }

    /// Content-Length (RFC 3261 20.14) as written; the parser already checked it.
    public var contentLength: Int? { field(.contentLength).flatMap { Self.number($0, max: SIPParser.maximumContentLength) } }

    /// Expires (RFC 3261 20.19) delta-seconds, up to 2**32-1.
    public var expires: Int? { field(.expires).flatMap { Self.number($0, max: Int(UInt32.max)) } }

    /// The event type of the Event header (RFC 6665 8.2.1), without its parameters.
    public var event: String? {
        guard let text = field(.event) else { return nil }
        let type = text.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? text
        let trimmed = type.trimmingLWS
        return trimmed.isEmpty ? nil : trimmed
    }

    /// Option tags of Require (RFC 3261 20.32).
    public var require: [String] { values(.require) }

    /// Option tags of Supported (RFC 3261 20.37).
    public var supported: [String] { values(.supported) }

    /// Content-Type (RFC 3261 20.15), as written.
    public var contentType: String? { field(.contentType) }

    /// Parses `1*DIGIT` up to `max`; nil otherwise.
    static func number(_ text: String, max: Int) -> Int? {
        let b = text.utf8
        guard !b.isEmpty else { return nil }
        var v = 0
        for c in b {
            guard ByteClass.isDigit(c) else { return nil }
            v = v * 10 + Int(c - 0x30)
            if v > max { return nil }
        }
        return v
    }
}
