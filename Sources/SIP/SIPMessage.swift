/// One SIP request or response (RFC 3261 7), parsed by `SIPParser`.
///
/// The message owns its bytes; the header table holds offset ranges into them (zero-copy).
/// Typed accessors (`callID`, `cseq`, `vias`, `routes` ...) parse on demand and build Strings
/// only for what they return. They are lenient: a value that cannot be parsed is left out
/// (or nil); `validate()` reports such problems as typed errors.
public struct SIPMessage: Sendable {
    // A message is kept (and copied) for as long as its call is tracked, so its fields are
    // compact: 56 bytes besides the bytes and the header table, with 32-bit offsets as the
    // table's (`SIPParser.maximumHeaderOffset`).

    /// The whole input, including any bytes after the body.
    public let bytes: [UInt8]
    /// Header lines in wire order, 12 bytes each (see `HeaderEntry`), in an array of exactly
    /// their number.
    @usableFromInline let table: [HeaderEntry]
    /// End of the body within `bytes`.
    let bodyEnd: Int
    /// Start and end of the start line, and for a request the ends of its method and
    /// Request-URI (a status line's elements sit at fixed places: see `startLineParts`).
    let lineStart: UInt32, methodEnd: UInt32, targetEnd: UInt32, lineEnd: UInt32
    /// Start of the body within `bytes`.
    let bodyStart: UInt32
    /// Status code of a response (0 for a request).
    let status: UInt16
    /// 0 for a response; for a request, the code of its standard method (`SIPMethod.standard(code:)`)
    /// or `otherMethod`. A byte, not a `SIPMethod`: a String field would cost reference counting
    /// on every copy of the message, and messages are copied through dialog tracking and audit.
    let methodCode: UInt8
    /// False when the data ended before the empty line that closes the header section.
    public let isHeaderSectionTerminated: Bool
    /// True when the body is shorter than Content-Length (only with `Options.allowTruncatedBody`).
    public let isBodyTruncated: Bool

    /// `methodCode` of a request whose method is not a standard one (read from the start line).
    static let otherMethod: UInt8 = 255

    /// A message from what the parser found; `startLineParts` is one of the two shapes the
    /// parser accepts, and every offset up to the body start is at most `SIPParser.maximumHeaderOffset`.
    init(bytes: [UInt8], methodCode: UInt8, status: Int, startLineParts parts: StartLineParts, table: [HeaderEntry],
         bodyRange: Range<Int>, isHeaderSectionTerminated: Bool, isBodyTruncated: Bool) {
        self.bytes = bytes
        self.methodCode = methodCode
        self.status = UInt16(truncatingIfNeeded: status)
        lineStart = UInt32(truncatingIfNeeded: parts.method.lowerBound)
        methodEnd = UInt32(truncatingIfNeeded: parts.method.upperBound)
        targetEnd = UInt32(truncatingIfNeeded: parts.target.upperBound)
        lineEnd = UInt32(truncatingIfNeeded: parts.reason.upperBound)
        self.table = table
        bodyStart = UInt32(truncatingIfNeeded: bodyRange.lowerBound)
        bodyEnd = bodyRange.upperBound
        self.isHeaderSectionTerminated = isHeaderSectionTerminated
        self.isBodyTruncated = isBodyTruncated
        assert(startLineParts == parts && self.bodyRange == bodyRange && Int(self.status) == status)
    }

    /// Byte ranges of the start line elements.
    public var startLineParts: StartLineParts {
        let s = Int(lineStart), e = Int(lineEnd)
        if methodCode == 0 {
            // `SIP/2.0 SP 3DIGIT [SP Reason-Phrase]`: the only status line the parser accepts.
            return StartLineParts(method: s..<s + 7, target: s + 8..<s + 11, version: s..<s + 7, reason: min(s + 12, e)..<e)
        }
        let a = Int(methodEnd), b = Int(targetEnd)
        return StartLineParts(method: s..<a, target: a + 1..<b, version: b + 1..<e, reason: e..<e)
    }

    /// Byte range of the body (by Content-Length, or to the end of the bytes without it).
    public var bodyRange: Range<Int> { Int(bodyStart)..<bodyEnd }

    /// Method of a request (nil for a response).
    var requestMethod: SIPMethod? {
        if methodCode == 0 { return nil }
        return SIPMethod.standard(code: methodCode) ?? bytes.withUnsafeBufferPointer { SIPMethod.from($0, startLineParts.method) }
    }

    /// Request line or status line (its Strings are built on access).
    public var startLine: StartLine {
        if let requestMethod {
            return .request(method: requestMethod, requestURI: text(startLineParts.target))
        }
        return .response(statusCode: Int(status), reasonPhrase: text(startLineParts.reason))
    }

    /// The bytes of `range` as a String.
    public func text(_ range: Range<Int>) -> String {
        bytes.withUnsafeBufferPointer { String.from($0, range) }
    }

    /// Parses `bytes`; same as `SIPParser.parse(_:)`.
    public init(parsing bytes: [UInt8]) throws(SIPParseError) {
        self = try SIPParser.parse(bytes)
    }

    // MARK: start line

    /// True for a request.
    public var isRequest: Bool { methodCode != 0 }

    /// The request method; for a response, the CSeq method (what the response answers).
    public var method: SIPMethod? { requestMethod ?? cseq?.method }

    /// The Request-URI text of a request.
    public var requestURI: String? { methodCode == 0 ? nil : text(startLineParts.target) }

    /// The parsed Request-URI; nil for responses or when it does not parse.
    public var parsedRequestURI: SIPURI? {
        guard let text = requestURI else { return nil }
        return try? SIPURI(parsing: text)
    }

    /// Status code of a response.
    public var statusCode: Int? { methodCode == 0 ? Int(status) : nil }

    /// Reason phrase of a response.
    public var reasonPhrase: String? { methodCode == 0 ? text(startLineParts.reason) : nil }

    /// End of the message (end of the body) within `bytes`; later bytes were ignored.
    public var length: Int { bodyEnd }

    /// The body.
    public var body: ArraySlice<UInt8> { bytes[bodyRange] }

    // MARK: generic header access

    /// Header fields in wire order, each with its canonical name (built on access: allocates).
    public var headers: [SIPHeader] { table.map(header(_:)) }

    /// The number of header lines.
    public var headerCount: Int { table.count }

    /// The first header named `name`, if any (nothing allocated). Inlinable: dialog tracking
    /// asks for a few known names of every message, and inlined with a constant name this is a
    /// loop comparing one byte per header.
    @inlinable
    public func firstHeader(_ name: HeaderName) -> HeaderEntry? { first(name) }

    /// The headers named `name`, in wire order, read from the table as they are iterated.
    @inlinable
    public func headers(named name: HeaderName) -> NamedHeaders { NamedHeaders(table, bytes, name) }

    /// The `SIPHeader` view of `h` (a header of this message), with its canonical name.
    public func header(_ h: HeaderEntry) -> SIPHeader {
        SIPHeader(name: name(of: h), rawName: rawName(of: h), rawValue: h.rawValue, isFolded: h.isFolded)
    }

    /// The canonical name of `h`: its code, or for an unknown name one built from its bytes.
    public func name(of h: HeaderEntry) -> HeaderName {
        if h.code != 0 { return HeaderName(code: h.code) }
        return bytes.withUnsafeBufferPointer { p in HeaderName(otherBytesIn: UnsafeBufferPointer(rebasing: p[h.rawName(p)])) }
    }

    /// Byte range of `h`'s name as written on the wire.
    public func rawName(of h: HeaderEntry) -> Range<Int> {
        bytes.withUnsafeBufferPointer { h.rawName($0) }
    }

    /// The name of `h` as written on the wire (`"i"`, `"CALL-ID"` ...).
    public func wireName(of h: HeaderEntry) -> String {
        bytes.withUnsafeBufferPointer { String.from($0, h.rawName($0)) }
    }

    /// True when `h` is named `name`. Known names compare by code; an unknown one by the
    /// entry's bytes, read in place, against `name`.
    @inlinable @inline(__always)
    func has(_ h: HeaderEntry, _ name: HeaderName) -> Bool {
        guard h.code == name.code else { return false }
        return name.code != 0 || Self.hasUnknown(h, name, bytes)
    }

    /// `has` for an unknown name: same length (when `name` has one below 255), then the same
    /// lowercased text as `HeaderName` keeps it.
    @usableFromInline @inline(never)
    static func hasUnknown(_ h: HeaderEntry, _ name: HeaderName, _ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { p in
            let range = h.rawName(p)
            if name.count < 255, range.count != Int(name.count) { return false }
            return HeaderName(otherBytesIn: UnsafeBufferPointer(rebasing: p[range])) == name
        }
    }

    /// The first entry named `name`.
    @inlinable @inline(__always)
    func first(_ name: HeaderName) -> HeaderEntry? {
        for h in table where has(h, name) { return h }
        return nil
    }

    /// The value of `header`, with folding replaced by single spaces.
    public func value(of header: SIPHeader) -> String {
        bytes.withUnsafeBufferPointer { p in
            header.isFolded ? String.unfolded(p, header.rawValue) : String.from(p, header.rawValue)
        }
    }

    /// The value of `h`, with folding replaced by single spaces.
    public func value(of h: HeaderEntry) -> String {
        bytes.withUnsafeBufferPointer { h.text($0, h.rawValue) }
    }

    /// The header name as written on the wire (`"i"`, `"CALL-ID"` ...).
    public func wireName(of header: SIPHeader) -> String {
        bytes.withUnsafeBufferPointer { String.from($0, header.rawName) }
    }

    /// All headers with their text, in wire order (allocates; for display and tests).
    public var headerFields: [HeaderField] {
        bytes.withUnsafeBufferPointer { p in
            table.map { HeaderField(name: name(of: $0), wireName: String.from(p, $0.rawName(p)), value: $0.text(p, $0.rawValue)) }
        }
    }

    /// True when at least one header named `name` is present.
    public func contains(_ name: HeaderName) -> Bool { first(name) != nil }

    /// Each header field's whole value as on the wire (unsplit, unfolded), in order.
    public func fields(_ name: HeaderName) -> [String] {
        bytes.withUnsafeBufferPointer { p in
            var out = [String]()
            for h in table where has(h, name) { out.append(h.text(p, h.rawValue)) }
            return out
        }
    }

    /// The first field named `name`, unsplit.
    public func field(_ name: HeaderName) -> String? {
        guard let h = first(name) else { return nil }
        return value(of: h)
    }

    /// The individual comma-separated values of every field named `name` (RFC 3261 7.3.1),
    /// split outside quoted strings and `<...>`, each trimmed and otherwise as on the wire.
    /// Only meaningful for list-valued headers (Via, Route, Contact, Supported ...).
    public func values(_ name: HeaderName) -> [String] {
        bytes.withUnsafeBufferPointer { p in
            var out = [String]()
            for h in table where has(h, name) {
                // Room for a few values once there is one: a message without the field allocates nothing.
                if out.isEmpty { out.reserveCapacity(4) }
                HeaderValueSplitter.forEach(p, h.rawValue) { out.append(h.text(p, $0)) }
            }
            return out
        }
    }

    /// Byte range of the first field named `name` (zero-copy; may hold folding line breaks).
    public func fieldRange(_ name: HeaderName) -> Range<Int>? {
        first(name)?.rawValue
    }

    /// Calls `body` with the byte range of each comma-separated value of every field named
    /// `name`, in order, without allocating (the zero-copy form of `values(_:)`).
    public func forEachValueRange(_ name: HeaderName, _ body: (Range<Int>) -> Void) {
        bytes.withUnsafeBufferPointer { p in
            for h in table where has(h, name) { HeaderValueSplitter.forEach(p, h.rawValue, body) }
        }
    }

    /// Calls `body` with each comma-separated value of every field named `name`, in order, as a
    /// range of `storage`: the message's own bytes for an unfolded field (nothing is copied;
    /// keeping `storage` keeps the value), an unfolded copy of the value for a folded one.
    public func forEachValue(_ name: HeaderName, _ body: (_ storage: [UInt8], _ range: Range<Int>) -> Void) {
        let storage = bytes
        storage.withUnsafeBufferPointer { p in
            for h in table where has(h, name) {
                HeaderValueSplitter.forEach(p, h.rawValue) { range in
                    if h.isFolded {
                        let unfolded = [UInt8].unfolding(p, range)
                        body(unfolded, 0..<unfolded.count)
                    } else {
                        body(storage, range)
                    }
                }
            }
        }
    }

    /// The bytes of the first field named `name`, unsplit, as `field(_:)` would make a String of
    /// them, lent to `body`; nil when there is no such field.
    public func withFieldBytes<Result>(_ name: HeaderName, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result? {
        guard let h = first(name) else { return nil }
        return bytes.withUnsafeBufferPointer { p in
            h.isFolded ? [UInt8].unfolding(p, h.rawValue).withUnsafeBufferPointer(body)
                : body(UnsafeBufferPointer(rebasing: p[h.rawValue]))
        }
    }

    /// Byte ranges of the individual values of every field named `name` (zero-copy).
    public func valueRanges(_ name: HeaderName) -> [Range<Int>] {
        bytes.withUnsafeBufferPointer { p in
            var out = [Range<Int>]()
            for h in table where has(h, name) { HeaderValueSplitter.forEach(p, h.rawValue) { out.append($0) } }
            return out
        }
    }
}
