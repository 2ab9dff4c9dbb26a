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
        standard(code: code(p, range))
            ?? SIPMethod(rawValue: String(decoding: UnsafeBufferPointer(rebasing: p[range]), as: UTF8.self))
    }

    /// The standard method of a one-byte code (1 INVITE ... 14 UPDATE, the order of the constants
    /// above), nil for any other code. `SIPMessage` keeps a request's method as that byte: it
    /// copies without the reference counting a String costs on every copy of a message.
    static func standard(code: UInt8) -> SIPMethod? {
        switch code {
        case 1: .invite
        case 2: .ack
        case 3: .bye
        case 4: .cancel
        case 5: .options
        case 6: .register
        case 7: .prack
        case 8: .subscribe
        case 9: .notify
        case 10: .publish
        case 11: .info
        case 12: .refer
        case 13: .message
        case 14: .update
        default: nil
        }
    }

    /// The code (see `standard(code:)`) of the standard method that `p[range]` spells exactly
    /// (methods are case-sensitive), 0 for any other token.
    static func code(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> UInt8 {
        let n = range.count
        @inline(__always) func eq(_ s: StaticString) -> Bool {
            guard s.utf8CodeUnitCount == n else { return false }
            let q = s.utf8Start
            for i in 0..<n where p[range.lowerBound + i] != q[i] { return false }
            return true
        }
        switch n {
        case 3: if eq("ACK") { return 2 }; if eq("BYE") { return 3 }
        case 4: if eq("INFO") { return 11 }
        case 5: if eq("PRACK") { return 7 }; if eq("REFER") { return 12 }
        case 6:
            if eq("INVITE") { return 1 }; if eq("CANCEL") { return 4 }
            if eq("NOTIFY") { return 9 }; if eq("UPDATE") { return 14 }
        case 7: if eq("OPTIONS") { return 5 }; if eq("PUBLISH") { return 10 }; if eq("MESSAGE") { return 13 }
        case 8: if eq("REGISTER") { return 6 }
        case 9: if eq("SUBSCRIBE") { return 8 }
        default: break
        }
        return 0
    }
}
