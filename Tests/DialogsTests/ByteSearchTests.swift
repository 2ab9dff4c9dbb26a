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
