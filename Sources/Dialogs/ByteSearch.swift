/// Byte searches over a message's bytes, eight bytes at a time (as the SIP parser's line scan):
/// every message's Vias, From and To are searched for `;` and `>`, and a loop testing one byte at
/// a time was most of reading them. Words, not sixteen-byte vectors: the searches are short, and
/// the smaller code stays inlined at every call.
enum ByteSearch {
    /// Index of the first `byte` in `bytes[from..<to]`, or `to` (`from <= to <= bytes.count`).
    @inline(__always)
    static func first(_ byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int {
        guard let base = bytes.baseAddress else { return to }
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        let pattern = ones &* UInt64(byte)
        var index = from
        while index + 8 <= to {
            // The "has zero byte" trick of the SIP line scan: after XOR the wanted byte is zero,
            // and the lowest flagged byte is exact.
            let x = UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)) ^ pattern
            let zeros = (x &- ones) & ~x & highs
            if zeros != 0 { return index + zeros.trailingZeroBitCount >> 3 }
            index += 8
        }
        guard index < to else { return to }
        if to >= 8 {
            // The last eight bytes of the buffer up to `to`, shifted so that the byte at `index`
            // comes first: one load, not a byte loop. The shift brings in zero bytes after `to`,
            // so the lowest flagged byte (exact) is the match or `to`.
            let word = UInt64(littleEndian: UnsafeRawPointer(base + to - 8).loadUnaligned(as: UInt64.self))
            let x = (word ^ pattern) >> UInt64((8 - (to - index)) * 8)
            return index + ((x &- ones) & ~x & highs).trailingZeroBitCount >> 3
        }
        while index < to {
            if base[index] == byte { return index }
            index += 1
        }
        return to
    }

    /// The high bit of each zero byte of `word` set, and no other bit: no carry crosses bytes.
    @inline(__always)
    static func exactZeros(_ word: UInt64) -> UInt64 {
        let lows: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        return ~(((word & lows) &+ lows) | word | lows)
    }
}
