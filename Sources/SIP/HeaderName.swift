/// A header field name, canonicalised: the lowercased long form.
///
/// Header names are case-insensitive (RFC 3261 7.3.1) and several have a compact one-letter form
/// (RFC 3261 7.3.3, RFC 3262, 3265, 3515, 3841, 3892, 4028, 4474). `HeaderName(_:)` maps both to
/// the same value, so `.callID` matches `Call-ID`, `call-id` and `i`.
///
/// Known names are a small code (no String, no reference counting on the parser's hot path);
/// other names keep their lowercased text.
public struct HeaderName: Hashable, Sendable, CustomStringConvertible {
    /// 1-based index into `knownNames`, or 0 for a name not listed there.
    let code: UInt8
    /// Lowercased text of a name that is not known (code 0).
    let other: String?

    init(code: UInt8) {
        self.code = code
        self.other = nil
    }

    private init(other: String) {
        self.code = 0
        self.other = other
    }

    /// Canonicalises a name as it appears on the wire (any case, long or compact form).
    public init(_ name: String) {
        let bytes = Array(name.utf8)
        if !bytes.isEmpty, bytes.allSatisfy(ByteClass.isToken) {
            self = bytes.withUnsafeBufferPointer { HeaderName.lookup($0, 0..<$0.count) }
        } else {
            self = HeaderName(other: String(decoding: bytes.map(ByteClass.lower), as: UTF8.self))
        }
    }

    /// The lowercased long name, e.g. `"record-route"`.
    public var rawValue: String { code != 0 ? HeaderName.knownNames[Int(code) - 1] : (other ?? "") }

    public var description: String { rawValue }

    public static func == (lhs: HeaderName, rhs: HeaderName) -> Bool {
        lhs.code == rhs.code && (lhs.code != 0 || lhs.other == rhs.other)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(code)
        if code == 0 { hasher.combine(other) }
    }

    public static let accept = HeaderName(code: 1)
    public static let acceptContact = HeaderName(code: 2)          // a, RFC 3841
    public static let acceptEncoding = HeaderName(code: 3)
    public static let acceptLanguage = HeaderName(code: 4)
    public static let alertInfo = HeaderName(code: 5)
    public static let allow = HeaderName(code: 6)
    public static let allowEvents = HeaderName(code: 7)              // u, RFC 3265
    public static let authenticationInfo = HeaderName(code: 8)
    public static let authorization = HeaderName(code: 9)
    public static let callID = HeaderName(code: 10)                        // i
    public static let callInfo = HeaderName(code: 11)
    public static let contact = HeaderName(code: 12)                       // m
    public static let contentDisposition = HeaderName(code: 13)
    public static let contentEncoding = HeaderName(code: 14)      // e
    public static let contentLanguage = HeaderName(code: 15)
    public static let contentLength = HeaderName(code: 16)          // l
    public static let contentType = HeaderName(code: 17)              // c
    public static let cseq = HeaderName(code: 18)
    public static let date = HeaderName(code: 19)
    public static let errorInfo = HeaderName(code: 20)
    public static let event = HeaderName(code: 21)                           // o, RFC 3265
    public static let expires = HeaderName(code: 22)
    public static let from = HeaderName(code: 23)                             // f
    public static let identity = HeaderName(code: 24)                     // y, RFC 4474
    public static let identityInfo = HeaderName(code: 25)            // n, RFC 4474
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
    public static let referTo = HeaderName(code: 40)                      // r, RFC 3515
    public static let referredBy = HeaderName(code: 41)                // b, RFC 3892
    public static let rejectContact = HeaderName(code: 42)          // j, RFC 3841
    public static let replaces = HeaderName(code: 43)
    public static let replyTo = HeaderName(code: 44)
    public static let requestDisposition = HeaderName(code: 45) // d, RFC 3841
    public static let require = HeaderName(code: 46)
    public static let retryAfter = HeaderName(code: 47)
    public static let route = HeaderName(code: 48)
    public static let rseq = HeaderName(code: 49)
    public static let server = HeaderName(code: 50)
    public static let serviceRoute = HeaderName(code: 51)
    public static let sessionExpires = HeaderName(code: 52)        // x, RFC 4028
    public static let subject = HeaderName(code: 53)                       // s
    public static let subscriptionState = HeaderName(code: 54)
    public static let supported = HeaderName(code: 55)                   // k
    public static let timestamp = HeaderName(code: 56)
    public static let to = HeaderName(code: 57)                                 // t
    public static let unsupported = HeaderName(code: 58)
    public static let userAgent = HeaderName(code: 59)
    public static let via = HeaderName(code: 60)                               // v
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

    /// The compact form (RFC 3261 7.3.3 and extensions) of a one-letter name, if any.
    static func compact(_ c: UInt8) -> HeaderName? {
        switch c | 0x20 {
        case UInt8(ascii: "a"): return HeaderName(code: 2) // acceptContact
        case UInt8(ascii: "b"): return HeaderName(code: 41) // referredBy
        case UInt8(ascii: "c"): return HeaderName(code: 17) // contentType
        case UInt8(ascii: "d"): return HeaderName(code: 45) // requestDisposition
        case UInt8(ascii: "e"): return HeaderName(code: 14) // contentEncoding
        case UInt8(ascii: "f"): return HeaderName(code: 23) // from
        case UInt8(ascii: "i"): return HeaderName(code: 10) // callID
        case UInt8(ascii: "j"): return HeaderName(code: 42) // rejectContact
        case UInt8(ascii: "k"): return HeaderName(code: 55) // supported
        case UInt8(ascii: "l"): return HeaderName(code: 16) // contentLength
        case UInt8(ascii: "m"): return HeaderName(code: 12) // contact
        case UInt8(ascii: "n"): return HeaderName(code: 25) // identityInfo
        case UInt8(ascii: "o"): return HeaderName(code: 21) // event
        case UInt8(ascii: "r"): return HeaderName(code: 40) // referTo
        case UInt8(ascii: "s"): return HeaderName(code: 53) // subject
        case UInt8(ascii: "t"): return HeaderName(code: 57) // to
        case UInt8(ascii: "u"): return HeaderName(code: 7) // allowEvents
        case UInt8(ascii: "v"): return HeaderName(code: 60) // via
        case UInt8(ascii: "x"): return HeaderName(code: 52) // sessionExpires
        case UInt8(ascii: "y"): return HeaderName(code: 24) // identity
        default: return nil
        }
    }

    /// Case-insensitive comparison of `p[start..<start+count]` with a lowercase literal.
    @inline(__always)
    private static func matches(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ literal: StaticString) -> Bool {
        let q = literal.utf8Start
        for k in 0..<literal.utf8CodeUnitCount {
            // Letters fold by setting 0x20; the other characters of known names ('-') already
            // have it set, and the caller validated the name as a token.
            if p[start + k] | 0x20 != q[k] { return false }
        }
        return true
    }

    /// Canonicalises the name bytes `p[range]` (already checked to be token characters).
    /// Known names cost a length switch and a byte comparison, and build no String.
    static func lookup(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> HeaderName {
        let s = range.lowerBound
        switch range.count {
        case 1: if let c = compact(p[s]) { return c }
        case 2:
            if matches(p, s, "to") { return HeaderName(code: 57) }
        case 3:
            if matches(p, s, "via") { return HeaderName(code: 60) }
        case 4:
            if matches(p, s, "cseq") { return HeaderName(code: 18) }
            if matches(p, s, "date") { return HeaderName(code: 19) }
            if matches(p, s, "from") { return HeaderName(code: 23) }
            if matches(p, s, "path") { return HeaderName(code: 32) }
            if matches(p, s, "rack") { return HeaderName(code: 37) }
            if matches(p, s, "rseq") { return HeaderName(code: 49) }
        case 5:
            if matches(p, s, "allow") { return HeaderName(code: 6) }
            if matches(p, s, "event") { return HeaderName(code: 21) }
            if matches(p, s, "route") { return HeaderName(code: 48) }
        case 6:
            if matches(p, s, "accept") { return HeaderName(code: 1) }
            if matches(p, s, "min-se") { return HeaderName(code: 30) }
            if matches(p, s, "reason") { return HeaderName(code: 38) }
            if matches(p, s, "server") { return HeaderName(code: 50) }
        case 7:
            if matches(p, s, "call-id") { return HeaderName(code: 10) }
            if matches(p, s, "contact") { return HeaderName(code: 12) }
            if matches(p, s, "expires") { return HeaderName(code: 22) }
            if matches(p, s, "require") { return HeaderName(code: 46) }
            if matches(p, s, "subject") { return HeaderName(code: 53) }
            if matches(p, s, "warning") { return HeaderName(code: 61) }
        case 8:
            if matches(p, s, "identity") { return HeaderName(code: 24) }
            if matches(p, s, "priority") { return HeaderName(code: 33) }
            if matches(p, s, "refer-to") { return HeaderName(code: 40) }
            if matches(p, s, "replaces") { return HeaderName(code: 43) }
            if matches(p, s, "reply-to") { return HeaderName(code: 44) }
        case 9:
            if matches(p, s, "call-info") { return HeaderName(code: 11) }
            if matches(p, s, "supported") { return HeaderName(code: 55) }
            if matches(p, s, "timestamp") { return HeaderName(code: 56) }
        case 10:
            if matches(p, s, "alert-info") { return HeaderName(code: 5) }
            if matches(p, s, "error-info") { return HeaderName(code: 20) }
            if matches(p, s, "user-agent") { return HeaderName(code: 59) }
        case 11:
            if matches(p, s, "in-reply-to") { return HeaderName(code: 26) }
            if matches(p, s, "min-expires") { return HeaderName(code: 29) }
            if matches(p, s, "referred-by") { return HeaderName(code: 41) }
            if matches(p, s, "retry-after") { return HeaderName(code: 47) }
            if matches(p, s, "unsupported") { return HeaderName(code: 58) }
        case 12:
            if matches(p, s, "allow-events") { return HeaderName(code: 7) }
            if matches(p, s, "content-type") { return HeaderName(code: 17) }
            if matches(p, s, "max-forwards") { return HeaderName(code: 27) }
            if matches(p, s, "mime-version") { return HeaderName(code: 28) }
            if matches(p, s, "organization") { return HeaderName(code: 31) }
            if matches(p, s, "record-route") { return HeaderName(code: 39) }
        case 13:
            if matches(p, s, "authorization") { return HeaderName(code: 9) }
            if matches(p, s, "identity-info") { return HeaderName(code: 25) }
            if matches(p, s, "proxy-require") { return HeaderName(code: 36) }
            if matches(p, s, "service-route") { return HeaderName(code: 51) }
        case 14:
            if matches(p, s, "accept-contact") { return HeaderName(code: 2) }
            if matches(p, s, "content-length") { return HeaderName(code: 16) }
            if matches(p, s, "reject-contact") { return HeaderName(code: 42) }
        case 15:
            if matches(p, s, "accept-encoding") { return HeaderName(code: 3) }
            if matches(p, s, "accept-language") { return HeaderName(code: 4) }
            if matches(p, s, "session-expires") { return HeaderName(code: 52) }
        case 16:
            if matches(p, s, "content-encoding") { return HeaderName(code: 14) }
            if matches(p, s, "content-language") { return HeaderName(code: 15) }
            if matches(p, s, "www-authenticate") { return HeaderName(code: 62) }
        case 18:
            if matches(p, s, "proxy-authenticate") { return HeaderName(code: 34) }
            if matches(p, s, "subscription-state") { return HeaderName(code: 54) }
        case 19:
            if matches(p, s, "authentication-info") { return HeaderName(code: 8) }
            if matches(p, s, "content-disposition") { return HeaderName(code: 13) }
            if matches(p, s, "proxy-authorization") { return HeaderName(code: 35) }
            if matches(p, s, "request-disposition") { return HeaderName(code: 45) }
        default: break
        }
        var lowered = [UInt8]()
        lowered.reserveCapacity(range.count)
        for i in range { lowered.append(ByteClass.lower(p[i])) }
        return HeaderName(other: String(decoding: lowered, as: UTF8.self))
    }
}
