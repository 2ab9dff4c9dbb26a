/// A SIP method name (RFC 3261 7.1 and extensions). Methods are case-sensitive tokens.
public struct SIPMethod: Hashable, Sendable, RawRepresentable, CustomStringConvertible {
    /// The method token as on the wire.
    public let rawValue: String

    /// Wraps a method token.
    public init(rawValue: String) { self.rawValue = rawValue }

    public var description: String { rawValue }

    public static let invite = SIPMethod(rawValue: "INVITE")
    public static let ack = SIPMethod(rawValue: "ACK")
    public static let bye = SIPMethod(rawValue: "BYE")
    public static let cancel = SIPMethod(rawValue: "CANCEL")
    public static let options = SIPMethod(rawValue: "OPTIONS")
    public static let register = SIPMethod(rawValue: "REGISTER")
    public static let prack = SIPMethod(rawValue: "PRACK")          // RFC 3262
    public static let subscribe = SIPMethod(rawValue: "SUBSCRIBE")  // RFC 6665
    public static let notify = SIPMethod(rawValue: "NOTIFY")        // RFC 6665
    public static let publish = SIPMethod(rawValue: "PUBLISH")      // RFC 3903
    public static let info = SIPMethod(rawValue: "INFO")            // RFC 6086
    public static let refer = SIPMethod(rawValue: "REFER")          // RFC 3515
    public static let message = SIPMethod(rawValue: "MESSAGE")      // RFC 3428
    public static let update = SIPMethod(rawValue: "UPDATE")        // RFC 3311

    /// Builds a method from raw token bytes, reusing the shared constants for the standard
    /// methods so that the hot path allocates nothing for them.
    static func from(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> SIPMethod {
        let n = range.count
        @inline(__always) func eq(_ s: StaticString) -> Bool {
            guard s.utf8CodeUnitCount == n else { return false }
            let q = s.utf8Start
            for i in 0..<n where p[range.lowerBound + i] != q[i] { return false }
            return true
        }
        switch n {
        case 3: if eq("ACK") { return .ack }; if eq("BYE") { return .bye }
        case 4: if eq("INFO") { return .info }
        case 5: if eq("PRACK") { return .prack }; if eq("REFER") { return .refer }
        case 6:
            if eq("INVITE") { return .invite }; if eq("CANCEL") { return .cancel }
            if eq("NOTIFY") { return .notify }; if eq("UPDATE") { return .update }
        case 7: if eq("OPTIONS") { return .options }; if eq("PUBLISH") { return .publish }; if eq("MESSAGE") { return .message }
        case 8: if eq("REGISTER") { return .register }
        case 9: if eq("SUBSCRIBE") { return .subscribe }
        default: break
        }
        return SIPMethod(rawValue: String(decoding: UnsafeBufferPointer(rebasing: p[range]), as: UTF8.self))
    }
}
