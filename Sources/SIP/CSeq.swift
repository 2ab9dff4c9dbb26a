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
        if let plain = parsePlain(p, range) { return plain }
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

    /// `parse` for the usual shape, `1*9DIGIT SP token` with nothing around it (the parser hands
    /// over values without surrounding LWS): one pass, no overflow check needed for nine digits.
    /// nil for anything else, which the full parse reads (and reports) as before.
    @inline(__always)
    private static func parsePlain(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> CSeq? {
        let start = range.lowerBound, end = range.upperBound
        var i = start
        var n: UInt32 = 0
        while i < end, i &- start < 9, ByteClass.isDigit(p[i]) {
            n = n &* 10 &+ UInt32(p[i] &- 0x30)
            i &+= 1
        }
        guard i > start, i < end, p[i] == ByteClass.sp else { return nil }
        i &+= 1
        let methodStart = i
        while i < end, ByteClass.isToken(p[i]) { i &+= 1 }
        guard i > methodStart, i == end else { return nil }
        return CSeq(number: n, method: SIPMethod.from(p, methodStart..<end))
    }

    /// `number METHOD`.
    public var description: String { "\(number) \(method.rawValue)" }
}
