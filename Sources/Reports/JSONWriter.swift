/// Writes one JSON value (usually one JSON Lines record) by hand: keys come out in exactly the
/// order they are written, and strings are escaped per RFC 8259 7 without Foundation.
///
/// Builds UTF-8 bytes and makes one String at the end: appending to a byte array is a copy,
/// appending to a String also re-checks its contents, and every dialog record is written here.
struct JSONWriter {
    private var bytes: [UInt8] = []
    /// One bit per open container (bit 0 the innermost): whether a value was already written in
    /// it. Records nest a few levels deep; a bit stack spares an array update per value.
    private var hasValue: UInt64 = 0
    /// How many containers are open.
    private var depth = 0
    private var afterKey = false

    init(capacity: Int = 1024) { bytes.reserveCapacity(capacity) }

    /// Continues after `bytes` (taken over, so writing appends to the caller's buffer in place
    /// when the caller hands its only reference over and takes `output` back).
    init(appendingTo bytes: [UInt8]) { self.bytes = bytes }

    /// What has been written so far.
    var text: String { String(decoding: bytes, as: UTF8.self) }

    /// The bytes written, after whatever `init(appendingTo:)` was given.
    var output: [UInt8] { bytes }

    private mutating func separate() {
        if afterKey { afterKey = false; return }
        guard depth > 0 else { return }
        if hasValue & 1 == 1 { bytes.append(UInt8(ascii: ",")) }
        hasValue |= 1
    }

    private mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
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
    /// (checked in debug builds). Records carry dozens of keys each, so this is the common case.
    mutating func key(_ name: StaticString) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { name in
            assert(!name.contains(where: Self.needsEscape), "a literal JSON key that needs escaping")
            bytes.append(contentsOf: name)
        }
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
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
        guard let value else { append("null"); return }
        Self.appendQuoted(value, to: &bytes)
    }

    mutating func int(_ value: Int?) {
        separate()
        guard let value else { append("null"); return }
        if value < 0 {
            guard value != .min else { bytes.append(contentsOf: String(value).utf8); return }
            bytes.append(UInt8(ascii: "-"))
        }
        Self.appendDecimal(value.magnitude, to: &bytes)
    }

    mutating func bool(_ value: Bool) {
        separate()
        append(value ? "true" : "false")
    }

    mutating func null() { separate(); append("null") }

    /// Ends a JSON Lines record (between top-level values only).
    mutating func newline() { bytes.append(UInt8(ascii: "\n")) }

    /// A string value whose UTF-8 `content` appends itself, for text that needs no escaping and
    /// is cheaper to write digit by digit than to build as a String first.
    mutating func unescapedString(_ content: (inout [UInt8]) -> Void) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        content(&bytes)
        bytes.append(UInt8(ascii: "\""))
    }

    /// `"key":value` for the common cases.
    mutating func field(_ name: StaticString, _ value: String?) { key(name); string(value) }
    mutating func field(_ name: StaticString, _ value: Int?) { key(name); int(value) }
    mutating func field(_ name: StaticString, _ value: Bool) { key(name); bool(value) }
    mutating func field(_ name: StaticString, strings values: [String]) {
        key(name)
        beginArray()
        for value in values { string(value) }
        endArray()
    }

    /// The decimal digits of a non-negative number.
    static func appendDecimal(_ number: Int, to bytes: inout [UInt8]) {
        appendDecimal(UInt(number), to: &bytes)
    }

    /// The decimal digits of a number.
    static func appendDecimal(_ number: UInt, to bytes: inout [UInt8]) {
        var divisor: UInt = 1
        while divisor <= number / 10 { divisor *= 10 }
        var rest = number
        while divisor > 0 {
            bytes.append(UInt8(ascii: "0") + UInt8(rest / divisor))
            rest %= divisor
            divisor /= 10
        }
    }

    private static func needsEscape(_ byte: UInt8) -> Bool { byte < 0x20 || byte == 0x22 || byte == 0x5c }

    private static let hex = Array("0123456789abcdef".utf8)

    /// Appends `value` as a JSON string: `"` and `\` escaped, control characters as `\n`, `\r`,
    /// `\t`, `\b`, `\f` or `\u00XX`; everything else (UTF-8 included) as is.
    static func appendQuoted(_ value: String, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        // Fast path: nothing to escape, one copy (the scan reads the String's own storage; a
        // generic `contains` over `utf8` costs hundreds of instructions per value).
        let copied = value.utf8.withContiguousStorageIfAvailable { storage in
            guard !storage.contains(where: needsEscape) else { return false }
            bytes.append(contentsOf: storage)
            return true
        } ?? false
        if copied {
            bytes.append(UInt8(ascii: "\""))
            return
        }
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes.append(UInt8(ascii: "\\")); bytes.append(byte)
            case UInt8(ascii: "\\"): bytes.append(UInt8(ascii: "\\")); bytes.append(byte)
            case UInt8(ascii: "\n"): bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "n"))
            case UInt8(ascii: "\r"): bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "r"))
            case UInt8(ascii: "\t"): bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "t"))
            case 0x08: bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "b"))
            case 0x0C: bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "f"))
            case ..<0x20:
                bytes.append(contentsOf: "\\u00".utf8)
                bytes.append(hex[Int(byte >> 4)])
                bytes.append(hex[Int(byte & 0xf)])
            default:
                bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
