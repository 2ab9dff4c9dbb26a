/// One header field line of a message, as offsets into `SIPMessage.bytes` (zero-copy): what
/// `SIPMessage.headers` and `SIPMessage.header(_:)` give. The message itself stores a more compact
/// table (`HeaderEntry`, what `firstHeader(_:)` and `headers(named:)` give); this view carries the
/// canonical name as a value and the name's range as read from the bytes.
///
/// `rawValue` spans the value from its first non-blank byte to its last non-blank byte and may
/// include folded continuation lines (CRLF followed by SP/HT, RFC 3261 7.3.1). Use
/// `SIPMessage.value(of:)` or `SIPMessage.headerFields` for the unfolded text.
public struct SIPHeader: Sendable, Equatable {
    /// Canonical (lowercased, long-form) name.
    public let name: HeaderName
    /// Byte range of the name as written on the wire.
    public let rawName: Range<Int>
    /// Byte range of the value as written on the wire (may contain folding line breaks).
    public let rawValue: Range<Int>
    /// True when the value continues on folded lines (so `rawValue` holds line breaks).
    public let isFolded: Bool

    /// Creates a header entry from its ranges.
    public init(name: HeaderName, rawName: Range<Int>, rawValue: Range<Int>, isFolded: Bool = false) {
        self.name = name
        self.rawName = rawName
        self.rawValue = rawValue
        self.isFolded = isFolded
    }
}

/// A header with its text materialised: what `SIPMessage.headerFields` returns.
public struct HeaderField: Sendable, Equatable {
    /// Canonical name.
    public let name: HeaderName
    /// The name as written on the wire (e.g. `"i"` or `"CALL-ID"`).
    public let wireName: String
    /// The value with folding replaced by a single space (RFC 3261 7.3.1), unsplit.
    public let value: String
}
