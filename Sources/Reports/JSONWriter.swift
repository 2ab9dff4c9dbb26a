/// Writes one JSON value (usually one JSON Lines record) by hand: keys come out in exactly the
/// order they are written, and strings are escaped per RFC 8259 7 without Foundation.
struct JSONWriter {
    private(set) var text = ""
    /// One entry per open container: whether a value was already written in it.
    private var hasValue: [Bool] = []
    private var afterKey = false

    init(capacity: Int = 1024) { text.reserveCapacity(capacity) }

    private mutating func separate() {
        if afterKey { afterKey = false; return }
        if let last = hasValue.last {
            if last { text.append(",") }
            hasValue[hasValue.count - 1] = true
        }
    }

    mutating func beginObject() { separate(); text.append("{"); hasValue.append(false) }
    mutating func endObject() { text.append("}"); hasValue.removeLast() }
    mutating func beginArray() { separate(); text.append("["); hasValue.append(false) }
    mutating func endArray() { text.append("]"); hasValue.removeLast() }

    mutating func key(_ name: String) {
        separate()
        Self.appendQuoted(name, to: &text)
        text.append(":")
        afterKey = true
    }

    mutating func string(_ value: String?) {
        separate()
        guard let value else { text.append("null"); return }
        Self.appendQuoted(value, to: &text)
    }

    mutating func int(_ value: Int?) {
        separate()
        text.append(value.map(String.init) ?? "null")
    }

    mutating func bool(_ value: Bool) {
        separate()
        text.append(value ? "true" : "false")
    }

    mutating func null() { separate(); text.append("null") }

    /// `"key":value` for the common cases.
    mutating func field(_ name: String, _ value: String?) { key(name); string(value) }
    mutating func field(_ name: String, _ value: Int?) { key(name); int(value) }
    mutating func field(_ name: String, _ value: Bool) { key(name); bool(value) }
    mutating func field(_ name: String, strings values: [String]) {
        key(name)
        beginArray()
        for value in values { string(value) }
        endArray()
    }

    /// Whether `value` holds a byte JSON must escape (quote, backslash or a control character); scans
    /// the contiguous UTF-8 storage directly when the string has it (native strings do).
    private static func needsEscaping(_ value: String) -> Bool {
        func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            for byte in bytes where byte < 0x20 || byte == 0x22 || byte == 0x5c { return true }
            return false
        }
        return value.utf8.withContiguousStorageIfAvailable(scan)
            ?? value.utf8.contains { $0 < 0x20 || $0 == 0x22 || $0 == 0x5c }
    }

    private static let hex: [Character] = Array("0123456789abcdef")

    /// Appends `value` as a JSON string: `"` and `\` escaped, control characters as `\n`, `\r`,
    /// `\t`, `\b`, `\f` or `\u00XX`; everything else (UTF-8 included) as is.
    static func appendQuoted(_ value: String, to text: inout String) {
        text.append("\"")
        // Fast path: nothing to escape.
        if !needsEscaping(value) {
            text.append(value)
            text.append("\"")
            return
        }
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": text.append("\\\"")
            case "\\": text.append("\\\\")
            case "\n": text.append("\\n")
            case "\r": text.append("\\r")
            case "\t": text.append("\\t")
            case "\u{08}": text.append("\\b")
            case "\u{0C}": text.append("\\f")
            case let control where control.value < 0x20:
                text.append("\\u00")
                text.append(hex[Int(control.value >> 4)])
                text.append(hex[Int(control.value & 0xf)])
            default:
                text.unicodeScalars.append(scalar)
            }
        }
        text.append("\"")
    }
}
