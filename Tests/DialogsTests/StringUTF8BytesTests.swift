@testable import Dialogs
import Testing

@Test func stringsFromUTF8BytesAreThoseDecodingMakes() {
    let samples: [[UInt8]] = [
        [], Array("32303c1".utf8), Array("a-much-longer-tag-than-fifteen-bytes".utf8), Array("caf\u{E9}\u{212A}".utf8),
        [0x61, 0xFF, 0x62], [0xC3], [0xE2, 0x82], [0xF0, 0x9F, 0x98, 0x80, 0x80, 0x41],
    ]
    for sample in samples {
        sample.withUnsafeBufferPointer { bytes in
            let made = String(utf8Bytes: bytes[...])
            let decoded = String(decoding: bytes, as: UTF8.self)
            #expect(made == decoded && Array(made.utf8) == Array(decoded.utf8), "\(sample)")
        }
    }
}
