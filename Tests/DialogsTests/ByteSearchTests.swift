@testable import Dialogs
import Testing

@Test func byteSearchFindsTheFirstByteAtEveryOffset() {
    for length in [0, 1, 15, 16, 17, 40] {
        for position in 0...length {
            // `;` at `position` (none when it equals the length), one more after it.
            var bytes = Array(repeating: UInt8(ascii: "a"), count: length + 3)
            if position < length { bytes[position] = UInt8(ascii: ";") }
            bytes[length + 1] = UInt8(ascii: ";")
            bytes.withUnsafeBufferPointer { buffer in
                #expect(ByteSearch.first(UInt8(ascii: ";"), in: buffer, from: 0, to: length) == position)
                #expect(ByteSearch.first(UInt8(ascii: ";"), in: buffer, from: 0, to: length + 3) == (position < length ? position : length + 1))
            }
        }
    }
}

@Test func byteSearchIgnoresNeighbouringAndHighBytesAroundTheMatch() {
    // Bytes one below and above `;`, 0x00 and 0xBB (`;` with the high bit) must not be taken
    // for it when the lane is pinned down eight bytes at a time, inside a block or in the tail.
    let fillers: [UInt8] = [0x3A, 0x3C, 0x00, 0xBB, 0xFF, 0x80]
    for position in 0..<32 {
        var bytes = (0..<32).map { fillers[$0 % fillers.count] }
        bytes[position] = UInt8(ascii: ";")
        bytes.withUnsafeBufferPointer { buffer in
            // Every range: a `;` past its end (still in the buffer) is not found.
            for from in 0...32 {
                for to in from...32 {
                    let expected = (from..<to).contains(position) ? position : to
                    #expect(ByteSearch.first(UInt8(ascii: ";"), in: buffer, from: from, to: to) == expected)
                }
            }
        }
    }
}
