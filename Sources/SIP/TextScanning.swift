#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Byte-level helpers shared by the parsers. Kept internal: the SIP grammar is ASCII-based, so
/// every parser works on UTF-8 bytes and builds Strings only for what it returns.
enum ByteClass {
    static let sp: UInt8 = 0x20
    static let ht: UInt8 = 0x09
    static let cr: UInt8 = 0x0D
    static let lf: UInt8 = 0x0A

    @inline(__always) static func isBlank(_ b: UInt8) -> Bool { b == sp || b == ht }
    @inline(__always) static func isLWS(_ b: UInt8) -> Bool { b == sp || b == ht || b == cr || b == lf }
    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    @inline(__always) static func isAlpha(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
    @inline(__always) static func isAlnum(_ b: UInt8) -> Bool { isDigit(b) || isAlpha(b) }
    @inline(__always) static func isHex(_ b: UInt8) -> Bool { isDigit(b) || ((b | 0x20) >= 0x61 && (b | 0x20) <= 0x66) }
    @inline(__always) static func hexValue(_ b: UInt8) -> UInt8 { isDigit(b) ? b - 0x30 : (b | 0x20) - 0x61 + 10 }
    @inline(__always) static func lower(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b | 0x20 : b }

    /// RFC 3261 25.1 `token` characters: alphanum and `-.!%*_+`'~`, as two 64-bit masks.
    @inline(__always) static func isToken(_ b: UInt8) -> Bool {
        if b < 64 { return (UInt64(0x3ff6ca200000000) >> UInt64(b)) & 1 != 0 }
        if b < 128 { return (UInt64(0x47ffffff87fffffe) >> UInt64(b - 64)) & 1 != 0 }
        return false
    }

    /// RFC 3261 25.1 `word` characters (Call-ID): token characters plus `()<>:\"/[]?{}`.
    @inline(__always) static func isWord(_ b: UInt8) -> Bool {
        if isToken(b) { return true }
        switch b {
        case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: ":"),
             UInt8(ascii: "\\"), UInt8(ascii: "\""), UInt8(ascii: "/"), UInt8(ascii: "["), UInt8(ascii: "]"),
             UInt8(ascii: "?"), UInt8(ascii: "{"), UInt8(ascii: "}"):
            return true
        default: return false
        }
    }

    /// Index of the first CR or LF in `p[from..<to]`, or `to`. One pass, sixteen bytes at a time
    /// with SIMD compares, which beats two memchr calls on lines of typical SIP header length
    /// (measured with callgrind: fewer instructions than both memchr and 8-byte SWAR; a first
    /// pass over 32 bytes per step gained nothing, most lines being shorter).
    @inline(always) static func findLineBreak(_ p: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> Int {
        findEither(lf, cr, p, from, to)
    }

    /// Index of the first `,`, `"` or `<` in `p[from..<to]`, or `to`: the bytes that matter when
    /// splitting a header value into its elements outside quotes. Sixteen bytes at a time, as
    /// `findLineBreak` (most values, e.g. a Via, hold none of them).
    @inline(__always) static func findListSpecial(_ p: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> Int {
        guard let base = p.baseAddress else { return to }
        let commas = SIMD16<UInt8>(repeating: UInt8(ascii: ",")), quotes = SIMD16<UInt8>(repeating: UInt8(ascii: "\""))
        let opens = SIMD16<UInt8>(repeating: UInt8(ascii: "<"))
        var i = from
        while i &+ 16 <= to {
            let v = UnsafeRawPointer(base + i).loadUnaligned(as: SIMD16<UInt8>.self)
            if any((v .== commas) .| (v .== quotes) .| (v .== opens)) { break }
            i &+= 16
        }
        // Fewer than sixteen bytes left after a block without one: the last sixteen bytes of the
        // range (overlapping bytes already known to hold none) tell at once whether any is left.
        if i < to, i &+ 16 > to, to &- 16 >= from {
            let v = UnsafeRawPointer(base + (to &- 16)).loadUnaligned(as: SIMD16<UInt8>.self)
            if !any((v .== commas) .| (v .== quotes) .| (v .== opens)) { return to }
        }
        while i < to {
            let b = p[i]
            if b == UInt8(ascii: ",") || b == UInt8(ascii: "\"") || b == UInt8(ascii: "<") { return i }
            i += 1
        }
        return to
    }

    /// Index of the first `a` or `b` in `p[from..<to]`, or `to` (also when `from >= to`). Sixteen
    /// bytes at a time with SIMD compares; in a block that holds one, the 8-byte "has zero byte"
    /// trick finds the lane (after XOR a match is a zero byte, and the lowest flagged byte is
    /// always exact). Line breaks, and the `;` and `"` of every From and To parameter list the
    /// audit reads, are found this way.
    @inline(always) static func findEither(_ a: UInt8, _ b: UInt8, _ p: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> Int {
        guard let base = p.baseAddress else { return to }
        let av = SIMD16<UInt8>(repeating: a), bv = SIMD16<UInt8>(repeating: b)
        var i = from
        // Indices stay far below Int.max, so the steps use wrapping arithmetic (no overflow check).
        while i &+ 16 <= to {
            let v = UnsafeRawPointer(base + i).loadUnaligned(as: SIMD16<UInt8>.self)
            if any((v .== av) .| (v .== bv)) {
                for half in 0..<2 {
                    let w = UInt64(littleEndian: UnsafeRawPointer(base + (i &+ half &* 8)).loadUnaligned(as: UInt64.self))
                    let z = zeroBytes(w ^ broadcast(a)) | zeroBytes(w ^ broadcast(b))
                    if z != 0 { return i &+ half &* 8 &+ z.trailingZeroBitCount >> 3 }
                }
            }
            i &+= 16
        }
        while i < to {
            if base[i] == a || base[i] == b { return i }
            i += 1
        }
        return to
    }

    /// `byte` in each of the eight bytes of a word.
    @inline(__always) static func broadcast(_ byte: UInt8) -> UInt64 { 0x0101_0101_0101_0101 &* UInt64(byte) }

    /// The high bit of each zero byte of `x` set (the "has zero byte" trick): a byte above a zero
    /// one may be flagged too, but the lowest flagged byte is always exact.
    @inline(__always) static func zeroBytes(_ x: UInt64) -> UInt64 {
        (x &- 0x0101_0101_0101_0101) & ~x & 0x8080_8080_8080_8080
    }

    /// Index of the first `byte` in `p[from..<to]`, or `to`. Uses memchr (vectorised in libc).
    @inline(__always) static func find(_ byte: UInt8, _ p: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> Int {
        guard from < to, let base = p.baseAddress else { return to }
        guard let hit = memchr(base + from, Int32(byte), to - from) else { return to }
        return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
    }

    /// Reads the decimal port at `i` (RFC 3261 25.1: `port = 1*DIGIT`, here at most 65535) and
    /// moves `i` past it; a missing or too large port is a `kind` error at the port's offset.
    static func port(_ b: [UInt8], _ i: inout Int, _ kind: SIPParseError.Kind,
                     _ what: String) throws(SIPParseError) -> Int {
        let start = i
        var value = 0
        while i < b.count, isDigit(b[i]) {
            value = value * 10 + Int(b[i] - 0x30)
            guard value <= 65535 else { throw SIPParseError(kind, at: start, "\(what) out of range") }
            i += 1
        }
        guard i > start else { throw SIPParseError(kind, at: start, "\(what) expected") }
        return value
    }
}

extension String {
    /// Builds a String from a byte range.
    static func from(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: p[range]), as: UTF8.self)
    }

    /// Builds a String from a byte range, replacing each line break of a folded value, together
    /// with the whitespace around it, by one space (RFC 3261 7.3.1).
    static func unfolded(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        if ByteClass.find(ByteClass.lf, p, range.lowerBound, range.upperBound) == range.upperBound,
           ByteClass.find(ByteClass.cr, p, range.lowerBound, range.upperBound) == range.upperBound {
            return from(p, range)
        }
        return String(decoding: [UInt8].unfolding(p, range), as: UTF8.self)
    }
}

extension Array where Element == UInt8 {
    /// The bytes of a range with each line break of a folded value, together with the whitespace
    /// around it, replaced by one space (RFC 3261 7.3.1).
    static func unfolding(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(range.count)
        var i = range.lowerBound
        while i < range.upperBound {
            let b = p[i]
            if b == ByteClass.cr || b == ByteClass.lf {
                while let last = out.last, ByteClass.isBlank(last) { out.removeLast() }
                while i < range.upperBound, ByteClass.isLWS(p[i]) { i += 1 }
                out.append(ByteClass.sp)
                continue
            }
            out.append(b)
            i += 1
        }
        return out
    }
}
