/// The parser's fast paths: the common shapes of a start line and of a header name read a word
/// (eight bytes) at a time. Each gives exactly what the full checks in `SIPParser` give, and
/// returns nil for anything else, which those checks then decide (and report) as before.
extension SIPParser {
    /// Eight bytes from `at` as a little-endian word; the caller checks `at + 8 <= count`.
    @inline(__always)
    static func word(_ base: UnsafePointer<UInt8>, _ at: Int) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(base + at).loadUnaligned(as: UInt64.self))
    }

    /// The high bit of each byte of `x` below 0x21 (controls, CR, LF, SP, HT) set; as with
    /// `ByteClass.zeroBytes`, only the lowest flagged byte is certain to be one.
    @inline(__always)
    static func blankOrControlBytes(_ x: UInt64) -> UInt64 {
        (x &- 0x2121_2121_2121_2121) & ~x & 0x8080_8080_8080_8080
    }

    /// `w` (with 0x20 ORed into every byte) cut to its first `count` bytes; 0 when `count <= 0`.
    @inline(__always)
    static func folded(_ w: UInt64, _ count: Int) -> UInt64 {
        if count >= 8 { return w | 0x2020_2020_2020_2020 }
        if count <= 0 { return 0 }
        return (w | 0x2020_2020_2020_2020) & ((1 << UInt64(count &* 8)) &- 1)
    }

    /// The header name at `pos` when it is at most 23 bytes followed directly by ':' (no blank,
    /// control or line break before it) and the data holds eight bytes past each word read:
    /// the colon's offset shifted left by eight, ORed with the name's code (0 for an unknown
    /// name, which the caller reads and checks as the full path does); -1 for any other line.
    /// A plain number, so that nothing larger than a register crosses the call.
    @inline(always)
    static func fastName(_ p: UnsafeBufferPointer<UInt8>, _ pos: Int) -> Int {
        guard let base = p.baseAddress else { return -1 }
        let n = p.count
        let colons: UInt64 = 0x3a3a_3a3a_3a3a_3a3a
        guard pos &+ 8 <= n else { return -1 }
        let w0 = word(base, pos)
        var w1: UInt64 = 0, w2: UInt64 = 0
        var at = pos
        var stop = ByteClass.zeroBytes(w0 ^ colons) | blankOrControlBytes(w0)
        if stop == 0 {
            guard pos &+ 16 <= n else { return -1 }
            w1 = word(base, pos &+ 8)
            at = pos &+ 8
            stop = ByteClass.zeroBytes(w1 ^ colons) | blankOrControlBytes(w1)
            if stop == 0 {
                guard pos &+ 24 <= n else { return -1 }
                w2 = word(base, pos &+ 16)
                at = pos &+ 16
                stop = ByteClass.zeroBytes(w2 ^ colons) | blankOrControlBytes(w2)
                if stop == 0 { return -1 }
            }
        }
        let colon = at &+ stop.trailingZeroBitCount >> 3
        guard colon > pos, base[colon] == UInt8(ascii: ":") else { return -1 }
        let count = colon &- pos
        let code = count == 1 ? HeaderName.compact(base[pos])?.code ?? 0
            : HeaderName.knownCode(count: count, folded(w0, count), folded(w1, count &- 8), folded(w2, count &- 16))
        return colon << 8 | Int(code)
    }

    /// `SIPMessage.methodCode` of a request whose method token is `p[range]`.
    @inline(__always)
    static func methodCode(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> UInt8 {
        let code = SIPMethod.code(p, range)
        return code == 0 ? SIPMessage.otherMethod : code
    }

    /// The start line `line` when it is `SIP/2.0 SP 3DIGIT [SP reason]` or
    /// `token SP uri SP SIP/2.0` with a Request-URI free of blanks and controls; nil otherwise.
    @inline(__always)
    static func fastStartLine(_ p: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> (UInt8, Int, StartLineParts)? {
        guard let base = p.baseAddress else { return nil }
        let s = line.lowerBound, e = line.upperBound, n = p.count
        // "sip/2.0 " and "sip/2.0" as little-endian words, and the fold of the three letters only.
        let versionSP: UInt64 = 0x2030_2e32_2f70_6973, version: UInt64 = 0x0030_2e32_2f70_6973
        let foldSIP: UInt64 = 0x20_2020
        guard s &+ 8 <= n else { return nil }
        if word(base, s) | foldSIP == versionSP {
            guard e &- s >= 11 else { return nil }
            let d0 = base[s &+ 8], d1 = base[s &+ 9], d2 = base[s &+ 10]
            guard ByteClass.isDigit(d0), ByteClass.isDigit(d1), ByteClass.isDigit(d2) else { return nil }
            let code = Int(d0 &- 0x30) &* 100 &+ Int(d1 &- 0x30) &* 10 &+ Int(d2 &- 0x30)
            guard code >= 100, code <= 699 else { return nil }
            let reasonStart: Int
            if s &+ 11 == e {
                reasonStart = e
            } else if base[s &+ 11] == ByteClass.sp {
                reasonStart = s &+ 12
            } else {
                return nil
            }
            return (0, code, StartLineParts(method: s..<s &+ 7, target: s &+ 8..<s &+ 11, version: s..<s &+ 7,
                                              reason: reasonStart..<e))
        }
        var k = s
        while k < e, ByteClass.isToken(base[k]) { k &+= 1 }
        guard k > s, k < e, base[k] == ByteClass.sp else { return nil }
        let sp1 = k
        let uriStart = sp1 &+ 1
        // The Request-URI ends at the first byte below 0x21 or DEL; only a SP is the common case.
        var at = uriStart
        var sp2 = -1
        while at &+ 8 <= n {
            let w = word(base, at)
            let stop = blankOrControlBytes(w) | ByteClass.zeroBytes(w ^ 0x7f7f_7f7f_7f7f_7f7f)
            if stop != 0 {
                sp2 = at &+ stop.trailingZeroBitCount >> 3
                break
            }
            at &+= 8
        }
        guard sp2 > uriStart, base[sp2] == ByteClass.sp, base[uriStart] != UInt8(ascii: "<") else { return nil }
        let versionStart = sp2 &+ 1
        guard e &- versionStart == 7, versionStart &+ 8 <= n,
              (word(base, versionStart) & 0x00ff_ffff_ffff_ffff) | foldSIP == version else { return nil }
        return (methodCode(p, s..<sp1), 0,
                StartLineParts(method: s..<sp1, target: uriStart..<sp2, version: versionStart..<e, reason: e..<e))
    }
}
