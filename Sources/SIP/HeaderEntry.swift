/// One header line as `SIPMessage` stores it: 12 bytes, the value's offsets into the message
/// bytes (zero-copy). `SIPMessage.firstHeader(_:)` and `headers(named:)` give these;
/// `SIPMessage.header(_:)` makes the fuller `SIPHeader` view of one.
///
/// A message holds one of these per header line for as long as its call is tracked, so the table
/// is kept small: the name is its known code (or 0), and where it is written is found again
/// when asked for (`rawName(_:)`, from the value back to the colon and over the name's token
/// bytes); an unknown name's identity is its bytes, which the message has (lookups compare them
/// in place, and `SIPMessage.name(of:)` builds the `HeaderName` when one is asked for).
/// Offsets are 32-bit: the parser rejects a header section reaching beyond
/// `SIPParser.maximumHeaderOffset`.
public struct HeaderEntry: Sendable, Equatable {
    /// Offsets of the value's first and past-the-end bytes (trimmed; may span folded lines).
    let valueStart: UInt32, valueEnd: UInt32
    /// `HeaderName.code`: 1-based index of a known name, 0 for another name.
    @usableFromInline let code: UInt8
    /// True when the value continues on folded lines (so `rawValue` holds line breaks).
    public let isFolded: Bool

    /// An entry from its value range; the caller (the parser) has checked that it ends at or
    /// below `SIPParser.maximumHeaderOffset`.
    init(code: UInt8, value: Range<Int>, isFolded: Bool) {
        self.code = code
        valueStart = UInt32(truncatingIfNeeded: value.lowerBound)
        valueEnd = UInt32(truncatingIfNeeded: value.upperBound)
        self.isFolded = isFolded
    }

    /// Byte range of the value as written on the wire, from its first to its last non-blank
    /// byte (may contain folding line breaks; `SIPMessage.value(of:)` gives the unfolded text).
    public var rawValue: Range<Int> { Int(valueStart)..<Int(valueEnd) }

    /// Byte range of the name as written on the wire, in `p` (the message bytes). Only white
    /// space (and folding line breaks) lies between the colon and the value, only blanks between
    /// the name and the colon, and the name is token bytes that start a line, so reading back
    /// from the value finds exactly what the parser read.
    func rawName(_ p: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        var colon = min(Int(valueStart), p.count)
        while colon > 0, p[colon - 1] != UInt8(ascii: ":") { colon -= 1 }
        var end = max(colon - 1, 0)
        while end > 0, ByteClass.isBlank(p[end - 1]) { end -= 1 }
        var start = end
        while start > 0, ByteClass.isToken(p[start - 1]) { start -= 1 }
        return start..<end
    }

    /// The value text of this header in `p` (the message bytes), unfolded when needed.
    @inline(__always)
    func text(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        isFolded ? String.unfolded(p, range) : String.from(p, range)
    }
}
