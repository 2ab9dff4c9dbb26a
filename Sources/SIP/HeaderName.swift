/// A header field name, canonicalised: the lowercased long form.
///
/// Header names are case-insensitive (RFC 3261 7.3.1) and several have a compact one-letter form
/// (RFC 3261 7.3.3, RFC 3262, 3265, 3515, 3841, 3892, 4028, 4474). `HeaderName(parsing:)` maps
/// both to the same value, so `.callID` matches `Call-ID`, `call-id` and `i`.
public struct HeaderName: Hashable, Sendable, CustomStringConvertible {
    /// The lowercased long name, e.g. `"record-route"`.
    public let rawValue: String

    private init(canonical: String) { rawValue = canonical }

    /// Canonicalises a name as it appears on the wire (any case, long or compact form).
    public init(_ name: String) {
        let bytes = Array(name.utf8)
        self = bytes.withUnsafeBufferPointer { HeaderName.lookup($0, 0..<$0.count) }
    }

    public var description: String { rawValue }

    public static let accept = HeaderName(canonical: "accept")
    public static let acceptContact = HeaderName(canonical: "accept-contact")          // a, RFC 3841
    public static let acceptEncoding = HeaderName(canonical: "accept-encoding")
    public static let acceptLanguage = HeaderName(canonical: "accept-language")
    public static let alertInfo = HeaderName(canonical: "alert-info")
    public static let allow = HeaderName(canonical: "allow")
    public static let allowEvents = HeaderName(canonical: "allow-events")              // u, RFC 3265
    public static let authenticationInfo = HeaderName(canonical: "authentication-info")
    public static let authorization = HeaderName(canonical: "authorization")
    public static let callID = HeaderName(canonical: "call-id")                        // i
    public static let callInfo = HeaderName(canonical: "call-info")
    public static let contact = HeaderName(canonical: "contact")                       // m
    public static let contentDisposition = HeaderName(canonical: "content-disposition")
    public static let contentEncoding = HeaderName(canonical: "content-encoding")      // e
    public static let contentLanguage = HeaderName(canonical: "content-language")
    public static let contentLength = HeaderName(canonical: "content-length")          // l
    public static let contentType = HeaderName(canonical: "content-type")              // c
    public static let cseq = HeaderName(canonical: "cseq")
    public static let date = HeaderName(canonical: "date")
    public static let errorInfo = HeaderName(canonical: "error-info")
    public static let event = HeaderName(canonical: "event")                           // o, RFC 3265
    public static let expires = HeaderName(canonical: "expires")
    public static let from = HeaderName(canonical: "from")                             // f
    public static let identity = HeaderName(canonical: "identity")                     // y, RFC 4474
    public static let identityInfo = HeaderName(canonical: "identity-info")            // n, RFC 4474
    public static let inReplyTo = HeaderName(canonical: "in-reply-to")
    public static let maxForwards = HeaderName(canonical: "max-forwards")
    public static let mimeVersion = HeaderName(canonical: "mime-version")
    public static let minExpires = HeaderName(canonical: "min-expires")
    public static let minSE = HeaderName(canonical: "min-se")
    public static let organization = HeaderName(canonical: "organization")
    public static let path = HeaderName(canonical: "path")
    public static let priority = HeaderName(canonical: "priority")
    public static let proxyAuthenticate = HeaderName(canonical: "proxy-authenticate")
    public static let proxyAuthorization = HeaderName(canonical: "proxy-authorization")
    public static let proxyRequire = HeaderName(canonical: "proxy-require")
    public static let rack = HeaderName(canonical: "rack")
    public static let reason = HeaderName(canonical: "reason")
    public static let recordRoute = HeaderName(canonical: "record-route")
    public static let referTo = HeaderName(canonical: "refer-to")                      // r, RFC 3515
    public static let referredBy = HeaderName(canonical: "referred-by")                // b, RFC 3892
    public static let rejectContact = HeaderName(canonical: "reject-contact")          // j, RFC 3841
    public static let replaces = HeaderName(canonical: "replaces")
    public static let replyTo = HeaderName(canonical: "reply-to")
    public static let requestDisposition = HeaderName(canonical: "request-disposition") // d, RFC 3841
    public static let require = HeaderName(canonical: "require")
    public static let retryAfter = HeaderName(canonical: "retry-after")
    public static let route = HeaderName(canonical: "route")
    public static let rseq = HeaderName(canonical: "rseq")
    public static let server = HeaderName(canonical: "server")
    public static let serviceRoute = HeaderName(canonical: "service-route")
    public static let sessionExpires = HeaderName(canonical: "session-expires")        // x, RFC 4028
    public static let subject = HeaderName(canonical: "subject")                       // s
    public static let subscriptionState = HeaderName(canonical: "subscription-state")
    public static let supported = HeaderName(canonical: "supported")                   // k
    public static let timestamp = HeaderName(canonical: "timestamp")
    public static let to = HeaderName(canonical: "to")                                 // t
    public static let unsupported = HeaderName(canonical: "unsupported")
    public static let userAgent = HeaderName(canonical: "user-agent")
    public static let via = HeaderName(canonical: "via")                               // v
    public static let warning = HeaderName(canonical: "warning")
    public static let wwwAuthenticate = HeaderName(canonical: "www-authenticate")

    /// Every known long name, for lookup by length.
    static let known: [HeaderName] = [
        accept, acceptContact, acceptEncoding, acceptLanguage, alertInfo, allow, allowEvents,
        authenticationInfo, authorization, callID, callInfo, contact, contentDisposition,
        contentEncoding, contentLanguage, contentLength, contentType, cseq, date, errorInfo, event,
        expires, from, identity, identityInfo, inReplyTo, maxForwards, mimeVersion, minExpires, minSE,
        organization, path, priority, proxyAuthenticate, proxyAuthorization, proxyRequire, rack,
        reason, recordRoute, referTo, referredBy, rejectContact, replaces, replyTo,
        requestDisposition, require, retryAfter, route, rseq, server, serviceRoute, sessionExpires,
        subject, subscriptionState, supported, timestamp, to, unsupported, userAgent, via, warning,
        wwwAuthenticate,
    ]

    /// Known names grouped by byte length, each with its UTF-8 bytes.
    static let byLength: [[(bytes: [UInt8], name: HeaderName)]] = {
        var table = [[(bytes: [UInt8], name: HeaderName)]](repeating: [], count: 32)
        for name in known {
            let b = Array(name.rawValue.utf8)
            table[b.count].append((b, name))
        }
        return table
    }()

    /// The compact form (RFC 3261 7.3.3 and extensions) of a one-letter name, if any.
    static func compact(_ c: UInt8) -> HeaderName? {
        switch c | 0x20 {
        case UInt8(ascii: "a"): return .acceptContact
        case UInt8(ascii: "b"): return .referredBy
        case UInt8(ascii: "c"): return .contentType
        case UInt8(ascii: "d"): return .requestDisposition
        case UInt8(ascii: "e"): return .contentEncoding
        case UInt8(ascii: "f"): return .from
        case UInt8(ascii: "i"): return .callID
        case UInt8(ascii: "j"): return .rejectContact
        case UInt8(ascii: "k"): return .supported
        case UInt8(ascii: "l"): return .contentLength
        case UInt8(ascii: "m"): return .contact
        case UInt8(ascii: "n"): return .identityInfo
        case UInt8(ascii: "o"): return .event
        case UInt8(ascii: "r"): return .referTo
        case UInt8(ascii: "s"): return .subject
        case UInt8(ascii: "t"): return .to
        case UInt8(ascii: "u"): return .allowEvents
        case UInt8(ascii: "v"): return .via
        case UInt8(ascii: "x"): return .sessionExpires
        case UInt8(ascii: "y"): return .identity
        default: return nil
        }
    }

    /// Canonicalises the name bytes `p[range]` (already checked to be token characters).
    /// Known names return shared constants, so no String is built for them.
    static func lookup(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> HeaderName {
        let n = range.count
        if n == 1, let c = compact(p[range.lowerBound]) { return c }
        if n < byLength.count {
            candidates: for candidate in byLength[n] {
                var i = 0
                for b in candidate.bytes {
                    // Letters fold by setting 0x20; the other token characters in known names
                    // ('-') already have it set, and the name was validated as a token.
                    if p[range.lowerBound + i] | 0x20 != b { continue candidates }
                    i += 1
                }
                return candidate.name
            }
        }
        var lowered = [UInt8]()
        lowered.reserveCapacity(n)
        for i in range {
            let b = p[i]
            lowered.append(b >= 0x41 && b <= 0x5A ? b | 0x20 : b)
        }
        return HeaderName(canonical: String(decoding: lowered, as: UTF8.self))
    }
}
