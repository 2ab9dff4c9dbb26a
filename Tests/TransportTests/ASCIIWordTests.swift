import Testing
@testable import Transport

@Suite struct ASCIIWordTests {
    /// Eight bytes as the scanners load them from a buffer.
    private func word(_ bytes: [UInt8]) -> UInt64 {
        bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
    }

    @Test func controlByteIsFoundInEveryPosition() {
        let printable = Array("INVITE s".utf8)
        #expect(!ASCIIWord.hasControlByte(word(printable)))
        for position in 0..<8 {
            for control: UInt8 in [0x00, 0x09, 0x0a, 0x0d, 0x1f, 0x7f] {
                var bytes = printable
                bytes[position] = control
                #expect(ASCIIWord.hasControlByte(word(bytes)), "\(control) at \(position)")
            }
        }
    }

    @Test func firstControlByteIsTheLowestOfSeveral() {
        #expect(ASCIIWord.firstControlByte(word(Array("INVITE s".utf8))) == nil)
        #expect(ASCIIWord.firstControlByte(word([0x20, 0x7e, 0x80, 0xff, 0xc3, 0xa9, 0x21, 0x5f])) == nil)
        for position in 0..<8 {
            for control: UInt8 in [0x00, 0x09, 0x0a, 0x0d, 0x1f, 0x7f] {
                var bytes = Array("INVITE s".utf8)
                bytes[position] = control
                // Every control byte after the first one (a borrow could flag those, never one before).
                for later in position + 1..<8 { bytes[later] = later % 2 == 0 ? 0x00 : 0x0a }
                #expect(ASCIIWord.firstControlByte(word(bytes)) == position, "\(control) at \(position)")
            }
        }
    }

    @Test func highAndBoundaryBytesAreNotControlBytes() {
        #expect(!ASCIIWord.hasControlByte(word([0x20, 0x7e, 0x80, 0xff, 0xc3, 0xa9, 0x21, 0x5f])))
    }

    @Test func byteBelowALimitMatchesAByteByByteTest() {
        for limit: UInt8 in [1, 0x20, 0x21, 0x80] {
            for value in 0...255 {
                var bytes = Array("sip:bob@".utf8)
                bytes[value % 8] = UInt8(value)
                let expected = bytes.contains { $0 < limit }
                #expect(ASCIIWord.hasByte(below: limit, word(bytes)) == expected, "\(value) below \(limit)")
            }
        }
    }
}
