/// Writes one JSON value (usually one JSON Lines record) by hand: keys come out in exactly the
/// order they are written, and strings are escaped per RFC 8259 7 without Foundation.
///
/// Builds UTF-8 bytes (a `ByteBuffer`) and makes one String or array at the end: appending to a
/// String re-checks its contents, and every dialog record is written here. Noncopyable, as it
/// owns its buffer.
struct JSONWriter: ~Copyable {
    private var bytes: ByteBuffer
    /// For `unescapedString(upTo:_:else:)`: what its fallback writes, kept to reuse its capacity.
    private var scratch: [UInt8] = []
    /// One bit per open container (bit 0 the innermost): whether a value was already written in
    /// it. Records nest a few levels deep; a bit stack spares an array update per value.
    private var hasValue: UInt64 = 0
    /// How many containers are open.
    private var depth = 0
    private var afterKey = false

    init(capacity: Int = 1024) { bytes = ByteBuffer(capacity: capacity) }

    /// What has been written so far.
    var text: String { bytes.withBytes { String(decoding: $0, as: UTF8.self) } }

    /// Appends what has been written so far to `output`.
    func append(to output: inout [UInt8]) {
        bytes.withBytes { output.append(contentsOf: $0) }
    }

    @inline(__always)
    private mutating func separate() {
        if afterKey { afterKey = false; return }
        guard depth > 0 else { return }
        if hasValue & 1 == 1 { bytes.append(UInt8(ascii: ",")) }
        hasValue |= 1
    }

    private mutating func open(_ bracket: UInt8) {
        separate()
        bytes.append(bracket)
        precondition(depth < 64, "JSON nested deeper than 64 levels")
        hasValue <<= 1
        depth += 1
    }

    private mutating func close(_ bracket: UInt8) {
        bytes.append(bracket)
        hasValue >>= 1
        depth -= 1
    }

    mutating func beginObject() { open(UInt8(ascii: "{")) }
    mutating func endObject() { close(UInt8(ascii: "}")) }
    mutating func beginArray() { open(UInt8(ascii: "[")) }
    mutating func endArray() { close(UInt8(ascii: "]")) }

    /// A key written in the source: copied as is, as keys of the contract need no escaping
    /// (checked in debug builds). Records carry dozens of keys each, so this is the common case:
    /// inlined, the key's length is a constant and its copy a few stores (out of line, a key cost
    /// about a hundred instructions).
    @inline(__always)
    mutating func key(_ name: StaticString) {
        separate()
        assert(name.withUTF8Buffer { !$0.contains(where: Self.needsEscape) }, "a literal JSON key that needs escaping")
        bytes.appendKey(name)
        afterKey = true
    }

    /// A key that comes from data (a URI parameter name, a regex, a code), escaped.
    mutating func key(text name: String) {
        separate()
        Self.appendQuoted(name, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        afterKey = true
    }

    mutating func string(_ value: String?) {
        separate()
        guard let value else { bytes.append("null"); return }
        Self.appendQuoted(value, to: &bytes)
    }

    mutating func int(_ value: Int?) {
        separate()
        guard let value else { bytes.append("null"); return }
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        Self.appendDecimal(value.magnitude, to: &bytes)
    }

    mutating func bool(_ value: Bool) {
        separate()
        bytes.append(value ? "true" : "false")
    }

    mutating func null() { separate(); bytes.append("null") }

    /// Ends a JSON Lines record (between top-level values only).
    mutating func newline() { bytes.append(UInt8(ascii: "\n")) }

    /// A string value of at most `maximum` bytes that need no escaping, which `content` writes in
    /// place and counts: no copy, and one capacity check for the whole value.
    @inline(__always)
    mutating func unescapedString(upTo maximum: Int, _ content: (UnsafeMutablePointer<UInt8>) -> Int) {
        separate()
        bytes.appendInPlace(upTo: maximum + 2) { target in
            target[0] = UInt8(ascii: "\"")
            let count = content(target + 1)
            target[count + 1] = UInt8(ascii: "\"")
            return count + 2
        }
    }

    /// As `unescapedString(upTo:_:)`, except that `content` may decline (return nil, having
    /// written nothing that counts), and `fallback` then appends the value instead.
    @inline(__always)
    mutating func unescapedString(upTo maximum: Int, _ content: (UnsafeMutablePointer<UInt8>) -> Int?,
                                  else fallback: (inout [UInt8]) -> Void) {
        separate()
        var written = false
        bytes.appendInPlace(upTo: maximum + 2) { target in
            guard let count = content(target + 1) else { return 0 }
            target[0] = UInt8(ascii: "\"")
            target[count + 1] = UInt8(ascii: "\"")
            written = true
            return count + 2
        }
        guard !written else { return }
        scratch.removeAll(keepingCapacity: true)
        fallback(&scratch)
        bytes.append(UInt8(ascii: "\""))
        scratch.withUnsafeBufferPointer { bytes.append($0) }
        bytes.append(UInt8(ascii: "\""))
    }

    /// `"key":value` for the common cases.
    @inline(__always)
    mutating func field(_ name: StaticString, _ value: String?) { key(name); string(value) }
    @inline(__always)
    mutating func field(_ name: StaticString, _ value: Int?) { key(name); int(value) }
    @inline(__always)
    mutating func field(_ name: StaticString, _ value: Bool) { key(name); bool(value) }
    mutating func field(_ name: StaticString, strings values: [String]) {
        key(name)
        beginArray()
        for value in values { string(value) }
        endArray()
    }

    /// The decimal digits of a number.
    private static func appendDecimal(_ number: UInt, to bytes: inout ByteBuffer) {
        bytes.appendInPlace(upTo: 20) { writeDecimal(number, to: $0) }
    }

    /// Writes the decimal digits of `number` (20 at most) at `target` and returns how many: the
    /// length first, then the digits from the last, two at a time from `digitPairs` (one
    /// division by the constant 100 per pair, where a division per digit cost twice as many).
    @inline(__always)
    static func writeDecimal(_ number: UInt, to target: UnsafeMutablePointer<UInt8>) -> Int {
        let length = decimalLength(number)
        var rest = number
        var index = length
        let pairs = UnsafeRawPointer(digitPairs.utf8Start)
        while index >= 2 {
            index -= 2
            let pair = pairs.loadUnaligned(fromByteOffset: 2 * Int(rest % 100), as: UInt16.self)
            UnsafeMutableRawPointer(target + index).storeBytes(of: pair, as: UInt16.self)
            rest /= 100
        }
        if index == 1 { target[0] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: rest) }
        return length
    }

    /// "00" to "99" in a row: a literal, so a constant address (no lazy global to check).
    @inline(__always)
    private static var digitPairs: StaticString {
        "00010203040506070809101112131415161718192021222324252627282930313233343536373839404142434445464748495051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899"
    }

    /// How many decimal digits `number` has. Most numbers written are address octets, ports,
    /// CSeqs and frame numbers: comparisons settle those, where counting by division cost a
    /// dependent multiply per digit.
    @inline(__always)
    static func decimalLength(_ number: UInt) -> Int {
        if number < 10 { return 1 }
        if number < 100 { return 2 }
        if number < 1_000 { return 3 }
        if number < 10_000 { return 4 }
        if number < 100_000 { return 5 }
        var length = 6
        var rest = number / 1_000_000
        while rest > 0 { rest /= 10; length += 1 }
        return length
    }

    private static func needsEscape(_ byte: UInt8) -> Bool { byte < 0x20 || byte == 0x22 || byte == 0x5c }

    /// True when any byte of `text` needs escaping.
    static func anyNeedsEscape(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        !copyUnlessEscapeNeeded(text, to: nil)
    }

    /// Appends `value` as a JSON string: `"` and `\` escaped, control characters as `\n`, `\r`,
    /// `\t`, `\b`, `\f` or `\u00XX`; everything else (UTF-8 included) as is.
    private static func appendQuoted(_ value: String, to bytes: inout ByteBuffer) {
        // The String's own bytes, read in place when it has them (no copy of the String to
        // retain), else lent from the stack (small strings).
        let done: Void? = value.utf8.withContiguousStorageIfAvailable { appendQuoted(utf8: $0, to: &bytes) }
        guard done == nil else { return }
        var value = value
        value.withUTF8 { appendQuoted(utf8: $0, to: &bytes) }
    }

    /// Checks and copies `storage` in one pass, eight bytes at a time; text that needs escaping
    /// is written again byte by byte.
    @inline(__always)
    private static func appendQuoted(utf8 storage: UnsafeBufferPointer<UInt8>, to bytes: inout ByteBuffer) {
        let length = storage.count
        var copied = false
        bytes.appendInPlace(upTo: length + 2) { target in
            target[0] = UInt8(ascii: "\"")
            guard copyUnlessEscapeNeeded(storage, to: target + 1) else { return 0 }
            target[length + 1] = UInt8(ascii: "\"")
            copied = true
            return length + 2
        }
        guard !copied else { return }
        bytes.append(UInt8(ascii: "\""))
        for byte in storage {
            if needsEscape(byte) { appendEscaped(byte, to: &bytes) } else { bytes.append(byte) }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// Copies `text` to `target` (when given) and returns true, or returns false (after a
    /// partial copy) when a byte needs escaping. Sixteen, then eight bytes at a time (the route
    /// values a record repeats are a hundred bytes or more): a word has a byte below 0x20 when
    /// `(w - 0x20…20) & ~w & 0x80…80` is not zero, and a byte equal to `c` when `w ^ c…c` has
    /// a zero byte (exact as a whole, though not which byte; bytes from 0x80 up never match).
    @inline(__always)
    private static func copyUnlessEscapeNeeded(_ text: UnsafeBufferPointer<UInt8>,
                                               to target: UnsafeMutablePointer<UInt8>?) -> Bool {
        guard let base = text.baseAddress else { return true }
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        func hasZeroByte(_ word: UInt64) -> Bool { (word &- ones) & ~word & highs != 0 }
        var offset = 0
        // Sixteen bytes a step with vector compares while they last, then words, then bytes.
        let space = SIMD16<UInt8>(repeating: 0x20), quote = SIMD16<UInt8>(repeating: 0x22)
        let backslash = SIMD16<UInt8>(repeating: 0x5c)
        while offset + 16 <= text.count {
            let block = UnsafeRawPointer(base + offset).loadUnaligned(as: SIMD16<UInt8>.self)
            // The mask read as two words: `any(_:)` became an out-of-line vector reduction here.
            let flagged = unsafeBitCast((block .< space) .| (block .== quote) .| (block .== backslash),
                                        to: (UInt64, UInt64).self)
            if flagged.0 | flagged.1 != 0 { return false }
            if let target { UnsafeMutableRawPointer(target + offset).storeBytes(of: block, as: SIMD16<UInt8>.self) }
            offset += 16
        }
        while offset + 8 <= text.count {
            let word = UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self)
            if (word &- ones &* 0x20) & ~word & highs != 0 || hasZeroByte(word ^ (ones &* 0x22))
                || hasZeroByte(word ^ (ones &* 0x5c)) {
                return false
            }
            if let target { UnsafeMutableRawPointer(target + offset).storeBytes(of: word, as: UInt64.self) }
            offset += 8
        }
        while offset < text.count {
            let byte = base[offset]
            if needsEscape(byte) { return false }
            target?[offset] = byte
            offset += 1
        }
        return true
    }

    private static func appendEscaped(_ byte: UInt8, to bytes: inout ByteBuffer) {
        let backslash = UInt8(ascii: "\\")
        switch byte {
        case UInt8(ascii: "\""), backslash: bytes.append(backslash); bytes.append(byte)
        case UInt8(ascii: "\n"): bytes.append(backslash); bytes.append(UInt8(ascii: "n"))
        case UInt8(ascii: "\r"): bytes.append(backslash); bytes.append(UInt8(ascii: "r"))
        case UInt8(ascii: "\t"): bytes.append(backslash); bytes.append(UInt8(ascii: "t"))
        case 0x08: bytes.append(backslash); bytes.append(UInt8(ascii: "b"))
        case 0x0C: bytes.append(backslash); bytes.append(UInt8(ascii: "f"))
        default:
            let hex: StaticString = "0123456789abcdef"
            bytes.append("\\u00")
            bytes.append(hex.utf8Start[Int(byte >> 4)])
            bytes.append(hex.utf8Start[Int(byte & 0xf)])
        }
    }
}
