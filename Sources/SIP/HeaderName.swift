/// A header field name, canonicalised: the lowercased long form.
///
/// Header names are case-insensitive (RFC 3261 7.3.1) and several have a compact one-letter form
/// (RFC 3261 7.3.3, RFC 3262, 3265, 3515, 3841, 3892, 4028, 4474). `HeaderName(_:)` maps both to
/// the same value, so `.callID` matches `Call-ID`, `call-id` and `i`.
///
/// The value is plain data (no String, no reference counting) so that the parser's header table
/// costs nothing to build or free: known names are a small code; other names keep their first
/// 32 lowercased bytes inline, plus a hash of any bytes beyond (header names that long are
/// practically unseen; `SIPMessage.wireName(of:)` always has the exact text).
public struct HeaderName: Hashable, Sendable, CustomStringConvertible {
    /// 1-based index into `knownNames`, or 0 for a name not listed there.
    @usableFromInline let code: UInt8
    /// Byte length of an unknown name (255 for 255 and more).
    let count: UInt8
    /// First 32 lowercased bytes of an unknown name, little-endian, zero padded.
    let w0: UInt64, w1: UInt64, w2: UInt64, w3: UInt64
    /// FNV-1a hash of an unknown name's bytes after the first 32 (0 when none).
    let tail: UInt64

    init(code: UInt8) {
        self.code = code
        count = 0
        w0 = 0; w1 = 0; w2 = 0; w3 = 0
        tail = 0
    }

    /// An unknown name from its bytes (lowercased here).
    init<C: Collection>(otherBytes bytes: C) where C.Element == UInt8 {
        var w: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        var hash: UInt64 = 0
        var k = 0
        for raw in bytes {
            let b = UInt64(ByteClass.lower(raw))
            switch k >> 3 {
            case 0: w.0 |= b << UInt64((k & 7) * 8)
            case 1: w.1 |= b << UInt64((k & 7) * 8)
            case 2: w.2 |= b << UInt64((k & 7) * 8)
            case 3: w.3 |= b << UInt64((k & 7) * 8)
            default:
                if hash == 0 { hash = 0xcbf2_9ce4_8422_2325 }
                hash = (hash ^ b) &* 0x100_0000_01b3
            }
            k += 1
        }
        code = 0
        count = UInt8(min(k, 255))
        (w0, w1, w2, w3) = w
        tail = hash
    }

    /// The same value as `init(otherBytes:)` for bytes in memory, eight at a time: each word is
    /// lowercased at once (0x20 added to the bytes `A` to `Z`, and only to them).
    init(otherBytesIn bytes: UnsafeBufferPointer<UInt8>) {
        let n = bytes.count
        @inline(__always) func word(_ at: Int) -> UInt64 {
            var w: UInt64 = 0
            guard let base = bytes.baseAddress else { return 0 }
            if at + 8 <= n {
                w = UInt64(littleEndian: UnsafeRawPointer(base + at).loadUnaligned(as: UInt64.self))
            } else if at < n {
                for k in at..<n { w |= UInt64(base[k]) << UInt64((k - at) * 8) }
            }
            // Bytes below 0x80 only (no carry crosses a byte): high bit of b + 0x3f is b >= 'A',
            // of b + 0x25 is b > 'Z'.
            let low = w & 0x7f7f_7f7f_7f7f_7f7f
            let upper = (low &+ 0x3f3f_3f3f_3f3f_3f3f) & ~(low &+ 0x2525_2525_2525_2525) & ~w & 0x8080_8080_8080_8080
            return w | upper >> 2
        }
        var hash: UInt64 = 0
        for k in min(n, 32)..<n {
            if hash == 0 { hash = 0xcbf2_9ce4_8422_2325 }
            hash = (hash ^ UInt64(ByteClass.lower(bytes[k]))) &* 0x100_0000_01b3
        }
        code = 0
        count = UInt8(min(n, 255))
        (w0, w1, w2, w3) = (word(0), word(8), word(16), word(24))
        tail = hash
    }

    /// Canonicalises a name as it appears on the wire (any case, long or compact form).
    public init(_ name: String) {
        let bytes = Array(name.utf8)
        if !bytes.isEmpty, bytes.allSatisfy(ByteClass.isToken) {
            self = bytes.withUnsafeBufferPointer { HeaderName.lookup($0, 0..<$0.count) }
        } else {
            self = HeaderName(otherBytes: bytes)
        }
    }

    /// The lowercased long name, e.g. `"record-route"`. For an unknown name longer than 32
    /// bytes, its first 32 bytes followed by "…".
    public var rawValue: String {
        if code != 0 { return HeaderName.knownNames[Int(code) - 1] }
        var out = [UInt8]()
        for (i, word) in [w0, w1, w2, w3].enumerated() {
            for j in 0..<8 where i * 8 + j < Int(count) { out.append(UInt8(truncatingIfNeeded: word >> UInt64(j * 8))) }
        }
        return String(decoding: out, as: UTF8.self) + (count > 32 ? "…" : "")
    }

    public static func == (lhs: HeaderName, rhs: HeaderName) -> Bool {
        // Known names differ in code alone; compare the inline text only for unknown ones.
        guard lhs.code == rhs.code else { return false }
        if lhs.code != 0 { return true }
        return lhs.count == rhs.count && lhs.w0 == rhs.w0 && lhs.w1 == rhs.w1 && lhs.w2 == rhs.w2
            && lhs.w3 == rhs.w3 && lhs.tail == rhs.tail
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(code)
        if code == 0 { hasher.combine(w0); hasher.combine(w1); hasher.combine(w2); hasher.combine(w3); hasher.combine(tail) }
    }

    /// True for a name not among the known constants.
    public var isKnown: Bool { code != 0 }

    public var description: String { rawValue }

    public static let accept = HeaderName(code: 1)
    public static let acceptContact = HeaderName(code: 2) // a, RFC 3841
    public static let acceptEncoding = HeaderName(code: 3)
    public static let acceptLanguage = HeaderName(code: 4)
    public static let alertInfo = HeaderName(code: 5)
    public static let allow = HeaderName(code: 6)
    public static let allowEvents = HeaderName(code: 7) // u, RFC 3265
    public static let authenticationInfo = HeaderName(code: 8)
    public static let authorization = HeaderName(code: 9)
    public static let callID = HeaderName(code: 10) // i
    public static let callInfo = HeaderName(code: 11)
    public static let contact = HeaderName(code: 12) // m
    public static let contentDisposition = HeaderName(code: 13)
    public static let contentEncoding = HeaderName(code: 14) // e
    public static let contentLanguage = HeaderName(code: 15)
    public static let contentLength = HeaderName(code: 16) // l
    public static let contentType = HeaderName(code: 17) // c
    public static let cseq = HeaderName(code: 18)
    public static let date = HeaderName(code: 19)
    public static let errorInfo = HeaderName(code: 20)
    public static let event = HeaderName(code: 21) // o, RFC 3265
    public static let expires = HeaderName(code: 22)
    public static let from = HeaderName(code: 23) // f
    public static let identity = HeaderName(code: 24) // y, RFC 4474
    public static let identityInfo = HeaderName(code: 25) // n, RFC 4474
    public static let inReplyTo = HeaderName(code: 26)
    public static let maxForwards = HeaderName(code: 27)
    public static let mimeVersion = HeaderName(code: 28)
    public static let minExpires = HeaderName(code: 29)
    public static let minSE = HeaderName(code: 30)
    public static let organization = HeaderName(code: 31)
    public static let path = HeaderName(code: 32)
    public static let priority = HeaderName(code: 33)
    public static let proxyAuthenticate = HeaderName(code: 34)
    public static let proxyAuthorization = HeaderName(code: 35)
    public static let proxyRequire = HeaderName(code: 36)
    public static let rack = HeaderName(code: 37)
    public static let reason = HeaderName(code: 38)
    public static let recordRoute = HeaderName(code: 39)
    public static let referTo = HeaderName(code: 40) // r, RFC 3515
    public static let referredBy = HeaderName(code: 41) // b, RFC 3892
    public static let rejectContact = HeaderName(code: 42) // j, RFC 3841
    public static let replaces = HeaderName(code: 43)
    public static let replyTo = HeaderName(code: 44)
    public static let requestDisposition = HeaderName(code: 45) // d, RFC 3841
    public static let require = HeaderName(code: 46)
    public static let retryAfter = HeaderName(code: 47)
    public static let route = HeaderName(code: 48)
    public static let rseq = HeaderName(code: 49)
    public static let server = HeaderName(code: 50)
    public static let serviceRoute = HeaderName(code: 51)
    public static let sessionExpires = HeaderName(code: 52) // x, RFC 4028
    public static let subject = HeaderName(code: 53) // s
    public static let subscriptionState = HeaderName(code: 54)
    public static let supported = HeaderName(code: 55) // k
    public static let timestamp = HeaderName(code: 56)
    public static let to = HeaderName(code: 57) // t
    public static let unsupported = HeaderName(code: 58)
    public static let userAgent = HeaderName(code: 59)
    public static let via = HeaderName(code: 60) // v
    public static let warning = HeaderName(code: 61)
    public static let wwwAuthenticate = HeaderName(code: 62)

    /// The known long names, lowercased, in code order.
    static let knownNames: [String] = [
        "accept",
        "accept-contact",
        "accept-encoding",
        "accept-language",
        "alert-info",
        "allow",
        "allow-events",
        "authentication-info",
        "authorization",
        "call-id",
        "call-info",
        "contact",
        "content-disposition",
        "content-encoding",
        "content-language",
        "content-length",
        "content-type",
        "cseq",
        "date",
        "error-info",
        "event",
        "expires",
        "from",
        "identity",
        "identity-info",
        "in-reply-to",
        "max-forwards",
        "mime-version",
        "min-expires",
        "min-se",
        "organization",
        "path",
        "priority",
        "proxy-authenticate",
        "proxy-authorization",
        "proxy-require",
        "rack",
        "reason",
        "record-route",
        "refer-to",
        "referred-by",
        "reject-contact",
        "replaces",
        "reply-to",
        "request-disposition",
        "require",
        "retry-after",
        "route",
        "rseq",
        "server",
        "service-route",
        "session-expires",
        "subject",
        "subscription-state",
        "supported",
        "timestamp",
        "to",
        "unsupported",
        "user-agent",
        "via",
        "warning",
        "www-authenticate",
    ]
}
