/// Tests on eight bytes at once (one `UInt64` loaded from a buffer), for the scans of start
/// lines that run over every byte of a line: a word with no interesting byte is skipped whole.
///
/// Each test is exact about whether the word holds such a byte, not about where: callers look
/// at the bytes of a word that tested positive one by one.
enum ASCIIWord {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// True when some byte of `word` is below `limit` (at most 0x80).
    @inline(__always)
    static func hasByte(below limit: UInt8, _ word: UInt64) -> Bool {
        (word &- ones &* UInt64(limit)) & ~word & highBits != 0
    }

    /// True when some byte of `word` is a control byte (below 0x20, or DEL).
    @inline(__always)
    static func hasControlByte(_ word: UInt64) -> Bool {
        hasByte(below: 0x20, word) || hasByte(below: 1, word ^ (ones &* 0x7f))
    }

    /// The index (0 to 7, little-endian) of the first control byte of `word`, or nil. Each of the
    /// two masks may flag a byte above a true one, never below it, so the lowest flag is exact.
    @inline(__always)
    static func firstControlByte(_ word: UInt64) -> Int? {
        let below = (word &- ones &* 0x20) & ~word & highBits
        let del = word ^ (ones &* 0x7f)
        let mask = below | ((del &- ones) & ~del & highBits)
        return mask == 0 ? nil : mask.trailingZeroBitCount >> 3
    }
}
