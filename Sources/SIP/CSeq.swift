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
        let result: Result<CSeq, SIPParseError> = b.withUnsafeBufferPointer { p in
            do throws(SIPParseError) { return .success(try CSeq.parse(p, 0..<p.count)) } catch { return .failure(error) }
        }
        self = try result.get()
    }

    /// Parses `p[range]` (offsets in errors are relative to `range.lowerBound`); used directly
    /// on message bytes so that reading CSeq builds no String.
    static func parse(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) throws(SIPParseError) -> CSeq {
        let base = range.lowerBound, end = range.upperBound
        var i = base
        while i < end, ByteClass.isLWS(p[i]) { i += 1 }
        let ns = i
        var n: UInt64 = 0
        while i < end, ByteClass.isDigit(p[i]) {
            n = n * 10 + UInt64(p[i] - 0x30)
            guard n <= UInt64(UInt32.max) else { throw SIPParseError(.malformedCSeq, at: ns - base, "CSeq number overlarge") }
            i += 1
        }
        guard i > ns else { throw SIPParseError(.malformedCSeq, at: ns - base, "CSeq number expected") }
        let ws = i
        while i < end, ByteClass.isLWS(p[i]) { i += 1 }
        guard i > ws else { throw SIPParseError(.malformedCSeq, at: i - base, "LWS expected after CSeq number") }
        let ms = i
        while i < end, ByteClass.isToken(p[i]) { i += 1 }
        guard i > ms else { throw SIPParseError(.malformedCSeq, at: ms - base, "CSeq method expected") }
        var j = i
        while j < end, ByteClass.isLWS(p[j]) { j += 1 }
        guard j == end else { throw SIPParseError(.malformedCSeq, at: j - base, "unexpected text after CSeq method") }
        return CSeq(number: UInt32(n), method: SIPMethod.from(p, ms..<i))
    }

    /// `number METHOD`.
    public var description: String { "\(number) \(method.rawValue)" }
}
