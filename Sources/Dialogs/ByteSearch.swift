/// Byte searches over a message's bytes, sixteen bytes at a time (as the SIP parser's line
/// scan): every message's Vias, From and To are searched for `;` and `>`, and a loop testing one
/// byte at a time was most of reading them.
enum ByteSearch {
    /// Index of the first `byte` in `bytes[from..<to]`, or `to`.
    @inline(__always)
    static func first(_ byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int {
        guard let base = bytes.baseAddress else { return to }
        let wanted = SIMD16<UInt8>(repeating: byte)
        var index = from
        while index + 16 <= to {
            if any(UnsafeRawPointer(base + index).loadUnaligned(as: SIMD16<UInt8>.self) .== wanted) { break }
            index += 16
        }
        while index < to {
            if base[index] == byte { return index }
            index += 1
        }
        return to
    }
}
