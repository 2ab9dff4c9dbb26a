/// One header line as `SIPMessage` stores it: 16 bytes of offsets into the message bytes
/// (zero-copy). `SIPMessage.firstHeader(_:)` and `headers(named:)` give these; `SIPMessage.header(_:)`
/// makes the fuller `SIPHeader` view of one.
///
/// A message holds one of these per header line for as long as its call is tracked, so the table
/// is kept small: the name is its known code (or 0) and its position; an unknown name's identity
/// is its bytes, which the message has (lookups compare them in place, and `SIPMessage.name(of:)`
/// builds the `HeaderName` when one is asked for). Offsets are 32-bit: the parser rejects a
/// header section reaching beyond `SIPParser.maximumHeaderOffset`.
public struct HeaderEntry: Sendable, Equatable {
    /// Offset of the name's first byte.
    let nameStart: UInt32
    /// Offsets of the value's first and past-the-end bytes (trimmed; may span folded lines).
    let valueStart: UInt32, valueEnd: UInt32
    /// Byte length of the name, or `longName` for a name of that length or more, whose end
    /// `rawName(_:)` then finds again (the name is token bytes, followed by a blank or ':').
    let nameCount: UInt16
    /// `HeaderName.code`: 1-based index of a known name, 0 for another name.
    @usableFromInline let code: UInt8
    /// True when the value continues on folded lines (so `rawValue` holds line breaks).
    public let isFolded: Bool

    /// `nameCount` of a name too long to count in 16 bits.
    static let longName = UInt16.max

    /// An entry from its ranges; the caller (the parser) has checked that they end at or below
    /// `SIPParser.maximumHeaderOffset`.
    init(code: UInt8, name: Range<Int>, value: Range<Int>, isFolded: Bool) {
        self.code = code
        nameStart = UInt32(truncatingIfNeeded: name.lowerBound)
        nameCount = UInt16(truncatingIfNeeded: min(name.count, Int(Self.longName)))
        valueStart = UInt32(truncatingIfNeeded: value.lowerBound)
        valueEnd = UInt32(truncatingIfNeeded: value.upperBound)
        self.isFolded = isFolded
    }

    /// Byte range of the value as written on the wire, from its first to its last non-blank
    /// byte (may contain folding line breaks; `SIPMessage.value(of:)` gives the unfolded text).
    public var rawValue: Range<Int> { Int(valueStart)..<Int(valueEnd) }

    /// Byte range of the name as written on the wire, in `p` (the message bytes).
    func rawName(_ p: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        let start = Int(nameStart)
        if nameCount != Self.longName { return start..<start + Int(nameCount) }
        var end = start + Int(Self.longName)
        while end < p.count, ByteClass.isToken(p[end]) { end += 1 }
        return start..<end
    }

    /// The value text of this header in `p` (the message bytes), unfolded when needed.
    @inline(__always)
    func text(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        isFolded ? String.unfolded(p, range) : String.from(p, range)
    }
}
