/// Scanning of a URI parameter section (the text after the first `;` of a URI, up to `?`), the way
/// Kamailio's rr module and URI parser look at it.
public enum URIParameters {
    /// Whether a parameter named `name` (ASCII, case-insensitive) is present, with or without a
    /// value, following `is_strict()` / `is_2rr()` (loose.c, parse_rr.h): whitespace around the
    /// name is tolerated, `lr=on`, `LR` and `lr=0` all count, `lrx` and a value `foo=lr` do not,
    /// and `;` inside a double-quoted value does not start a parameter.
    public static func contains(_ name: String, in params: String) -> Bool {
        var params = params
        return withLowercased(name) { target in params.withUTF8 { contains(target, in: $0) } }
    }

    /// `contains(_:in:)` on the parameter section's bytes, read in place: `isLoose` and `hasR2`
    /// ask this of every Route entry loose_route walks. `name` must be lower-case ASCII.
    static func contains(lowercase name: StaticString, inBytes bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        contains(UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount), in: bytes)
    }

    /// `name` lower-cased as `lowercased()` does, lent as UTF-8 (most names already are).
    private static func withLowercased<Result>(_ name: String, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        var name = name
        if name.utf8.contains(where: { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") || $0 >= 0x80 }) {
            name = name.lowercased()
        }
        return name.withUTF8(body)
    }

    private static func contains(_ target: UnsafeBufferPointer<UInt8>, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i <= bytes.count {
            // One parameter: skip leading white space, then compare the name.
            var j = i
            while j < bytes.count, isWhite(bytes[j]) { j += 1 }
            var k = 0
            while k < target.count, j < bytes.count, lower(bytes[j]) == target[k] { j += 1; k += 1 }
            if k == target.count {
                var m = j
                while m < bytes.count, isWhite(bytes[m]) { m += 1 }
                if m == bytes.count || bytes[m] == UInt8(ascii: ";") || bytes[m] == UInt8(ascii: "=") {
                    return true
                }
            }
            // Skip to the next unquoted `;` (Kamailio's state 4/5/6).
            var quoted = false
            var n = i
            while n < bytes.count {
                let c = bytes[n]
                if quoted {
                    if c == UInt8(ascii: "\\") { n += 1 } else if c == UInt8(ascii: "\"") { quoted = false }
                } else if c == UInt8(ascii: "\"") {
                    quoted = true
                } else if c == UInt8(ascii: ";") {
                    break
                }
                n += 1
            }
            if n >= bytes.count { return false }
            i = n + 1
        }
        return false
    }

    /// The value of the first parameter named `name` (case-insensitive), as `parse_uri` records it
    /// (`maddr`, `transport`, `gr`...): `""` for a parameter without value, `nil` when absent.
    /// Scans UTF-8 bytes without splitting: `isMyself` asks for `gr` on every Route value.
    public static func value(of name: String, in params: String) -> String? {
        var params = params
        return params.withUTF8 { value(of: name, inBytes: $0) }
    }

    /// `value(of:in:)` on the parameter section's bytes, read in place.
    static func value(of name: String, inBytes b: UnsafeBufferPointer<UInt8>) -> String? {
        withLowercased(name) { value(of: $0, inBytes: b) }
    }

    /// `value(of:inBytes:)` for a name known to be lower-case ASCII (`maddr`, `transport`, `gr`).
    static func value(ofLowercase name: StaticString, inBytes b: UnsafeBufferPointer<UInt8>) -> String? {
        value(of: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount), inBytes: b)
    }

    private static func value(of target: UnsafeBufferPointer<UInt8>, inBytes b: UnsafeBufferPointer<UInt8>) -> String? {
        valueRange(of: target, inBytes: b).map { String(decoding: UnsafeBufferPointer(rebasing: b[$0]), as: UTF8.self) }
    }

    /// Where in `b` the value `value(ofLowercase:inBytes:)` returns lies, without building it.
    static func valueRange(ofLowercase name: StaticString, inBytes b: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        valueRange(of: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount), inBytes: b)
    }

    private static func valueRange(of target: UnsafeBufferPointer<UInt8>, inBytes b: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        var start = 0
        while start <= b.count {
            let end = nextUnquotedSemicolon(b, from: start)
            if let value = valueRange(named: target, in: b, start..<end) { return value }
            start = end + 1
        }
        return nil
    }

    /// `valueRange(ofLowercase:inBytes:)` for two different names in one pass over the parts.
    static func valueRanges(ofLowercase first: StaticString, _ second: StaticString,
                            inBytes b: UnsafeBufferPointer<UInt8>) -> (Range<Int>?, Range<Int>?) {
        let a = UnsafeBufferPointer(start: first.utf8Start, count: first.utf8CodeUnitCount)
        let c = UnsafeBufferPointer(start: second.utf8Start, count: second.utf8CodeUnitCount)
        var ra: Range<Int>?, rc: Range<Int>?
        var start = 0
        while start <= b.count, ra == nil || rc == nil {
            let end = nextUnquotedSemicolon(b, from: start)
            if ra == nil, let value = valueRange(named: a, in: b, start..<end) {
                ra = value
            } else if rc == nil, let value = valueRange(named: c, in: b, start..<end) {
                rc = value
            }
            start = end + 1
        }
        return (ra, rc)
    }

    /// Every parameter in wire order, `name` and `value` (nil without `=`) trimmed of blanks, split
    /// at `;` outside double quotes: what a report lists as a proxy's rr params.
    public static func all(in params: String) -> [(name: String, value: String?)] {
        var params = params
        return params.withUTF8 { b in
            func trimmed(_ range: Range<Int>) -> String {
                var lo = range.lowerBound, hi = range.upperBound
                while lo < hi, b[lo] == UInt8(ascii: " ") || b[lo] == UInt8(ascii: "\t") { lo += 1 }
                while hi > lo, b[hi - 1] == UInt8(ascii: " ") || b[hi - 1] == UInt8(ascii: "\t") { hi -= 1 }
                return String(decoding: UnsafeBufferPointer(rebasing: b[lo..<hi]), as: UTF8.self)
            }
            var parameters: [(name: String, value: String?)] = []
            var start = 0
            while start < b.count {
                let end = nextUnquotedSemicolon(b, from: start)
                let part = start..<end
                if let equals = part.first(where: { b[$0] == UInt8(ascii: "=") }) {
                    parameters.append((trimmed(part.lowerBound..<equals), trimmed((equals + 1)..<end)))
                } else if !trimmed(part).isEmpty {
                    parameters.append((trimmed(part), nil))
                }
                start = end + 1
            }
            return parameters
        }
    }

    /// Where the value of one `name[=value]` parameter lies when its name is `target` (an empty
    /// range for a parameter without value).
    private static func valueRange(named target: UnsafeBufferPointer<UInt8>, in b: UnsafeBufferPointer<UInt8>,
                                   _ range: Range<Int>) -> Range<Int>? {
        func isBlank(_ c: UInt8) -> Bool { c == UInt8(ascii: " ") || c == UInt8(ascii: "\t") }
        var lo = range.lowerBound
        while lo < range.upperBound, isBlank(b[lo]) { lo += 1 }
        let equals = (lo..<range.upperBound).first { b[$0] == UInt8(ascii: "=") }
        var nameEnd = equals ?? range.upperBound
        while nameEnd > lo, isBlank(b[nameEnd - 1]) { nameEnd -= 1 }
        guard nameEnd - lo == target.count,
              zip(lo..<nameEnd, target).allSatisfy({ lower(b[$0]) == $1 }) else { return nil }
        guard let equals else { return nameEnd..<nameEnd }
        var valueStart = equals + 1
        var valueEnd = range.upperBound
        while valueStart < valueEnd, isBlank(b[valueStart]) { valueStart += 1 }
        while valueEnd > valueStart, isBlank(b[valueEnd - 1]) { valueEnd -= 1 }
        return valueStart..<valueEnd
    }

    /// The index of the next `;` outside double quotes at or after `from` (`b.count` when none).
    private static func nextUnquotedSemicolon(_ b: UnsafeBufferPointer<UInt8>, from: Int) -> Int {
        var quoted = false
        var i = from
        while i < b.count {
            if b[i] == UInt8(ascii: "\"") { quoted.toggle() }
            if b[i] == UInt8(ascii: ";") && !quoted { return i }
            i += 1
        }
        return b.count
    }

    static func isWhite(_ c: UInt8) -> Bool {
        c == UInt8(ascii: " ") || c == UInt8(ascii: "\t") || c == UInt8(ascii: "\r") || c == UInt8(ascii: "\n")
    }

    static func lower(_ c: UInt8) -> UInt8 {
        c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z") ? c + 32 : c
    }
}
