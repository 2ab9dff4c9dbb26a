/// Byte searches over a message's bytes, sixteen bytes at a time (as the SIP parser's line
/// scan): every message's Vias, From and To are searched for `;` and `>`, and a loop testing one
/// byte at a time was most of reading them.
enum ByteSearch {
    /// Index of the first `byte` in `bytes[from..<to]`, or `to`.
    @inline(__always)
    static func first(_ byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int {
        guard let base = bytes.baseAddress else { return to }
        let wanted = SIMD16<UInt8>(repeating: byte)
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        let pattern = ones &* UInt64(byte)
        var index = from
        while index + 16 <= to {
            if any(UnsafeRawPointer(base + index).loadUnaligned(as: SIMD16<UInt8>.self) .== wanted) {
                // Pin the lane down eight bytes at a time (the "has zero byte" trick of the SIP
                // line scan): after XOR the wanted byte is zero, and the lowest flagged byte is
                // exact; cheaper than testing the block byte by byte.
                for half in 0..<2 {
                    let word = UInt64(littleEndian: UnsafeRawPointer(base + index + half * 8).loadUnaligned(as: UInt64.self))
                    let x = word ^ pattern
                    let zeros = (x &- ones) & ~x & highs
                    if zeros != 0 { return index + half * 8 + zeros.trailingZeroBitCount >> 3 }
                }
            }
            index += 16
        }
        while index < to {
            if base[index] == byte { return index }
            index += 1
        }
        return to
    }
}
