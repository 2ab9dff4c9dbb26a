/// The CSeq header: sequence number and method (RFC 3261 20.16).
public struct CSeq: Sendable, Hashable, CustomStringConvertible {
    /// Sequence number. RFC 3261 8.1.1.5 asks for less than 2**31; up to 2**32-1 is accepted
    /// (robustness), anything larger is an overlarge scalar (RFC 4475 3.1.2.4).
    public var number: UInt32
    /// Method.
    public var method: SIPMethod

    /// Creates a CSeq.
    public init(number: UInt32, method: SIPMethod) {
        self.number = number
        self.method = method
    }

    /// Parses `1*DIGIT LWS Method`.
    public init(parsing text: String) throws(SIPParseError) {
        let b = Array(text.utf8)
        var i = 0
        while i < b.count, ByteClass.isLWS(b[i]) { i += 1 }
        let ns = i
        var n: UInt64 = 0
        while i < b.count, ByteClass.isDigit(b[i]) {
            n = n * 10 + UInt64(b[i] - 0x30)
            guard n <= UInt64(UInt32.max) else { throw SIPParseError(.malformedCSeq, at: ns, "CSeq number overlarge") }
            i += 1
        }
        guard i > ns else { throw SIPParseError(.malformedCSeq, at: ns, "CSeq number expected") }
        let ws = i
        while i < b.count, ByteClass.isLWS(b[i]) { i += 1 }
        guard i > ws else { throw SIPParseError(.malformedCSeq, at: i, "LWS expected after CSeq number") }
        let ms = i
        while i < b.count, ByteClass.isToken(b[i]) { i += 1 }
        guard i > ms else { throw SIPParseError(.malformedCSeq, at: ms, "CSeq method expected") }
        var j = i
        while j < b.count, ByteClass.isLWS(b[j]) { j += 1 }
        guard j == b.count else { throw SIPParseError(.malformedCSeq, at: j, "unexpected text after CSeq method") }
        number = UInt32(n)
        method = b.withUnsafeBufferPointer { SIPMethod.from($0, ms..<i) }
    }

    /// `number METHOD`.
    public var description: String { "\(number) \(method.rawValue)" }
}
