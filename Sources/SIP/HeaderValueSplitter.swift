/// Splits a header field value into its comma-separated elements (RFC 3261 7.3.1), respecting
/// quoted strings (with `\` escapes) and `<...>` URIs, in which commas do not separate.
enum HeaderValueSplitter {
    /// The trimmed, non-empty element ranges of `p[range]`. Empty elements (`a,,b`) are skipped:
    /// RFC 3261 forbids them and dropping them is the robust reading; the typed parsers of the
    /// headers routing depends on report them instead.
    static func split(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> [Range<Int>] {
        var out = [Range<Int>]()
        forEach(p, range) { out.append($0) }
        return out
    }

    /// Calls `body` with each trimmed, non-empty element range, without allocating.
    @inline(__always)
    static func forEach(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ body: (Range<Int>) -> Void) {
        var start = range.lowerBound
        var i = range.lowerBound
        var inQuotes = false
        while i < range.upperBound {
            if !inQuotes {
                // Outside quotes only `,`, `"` and `<` matter: skip to the next one.
                i = ByteClass.findListSpecial(p, i, range.upperBound)
                if i >= range.upperBound { break }
            }
            let b = p[i]
            if inQuotes {
                if b == UInt8(ascii: "\\") { i += 2; continue }
                if b == UInt8(ascii: "\"") { inQuotes = false }
            } else {
                switch b {
                case UInt8(ascii: "\""): inQuotes = true
                case UInt8(ascii: "<"):
                    // Nothing inside <> is special: skip the URI with one memchr.
                    i = ByteClass.find(UInt8(ascii: ">"), p, i + 1, range.upperBound)
                case UInt8(ascii: ","):
                    let t = trim(p, start..<i)
                    if !t.isEmpty { body(t) }
                    start = i + 1
                default: break
                }
            }
            i += 1
        }
        let t = trim(p, start..<range.upperBound)
        if !t.isEmpty { body(t) }
    }

    /// Same as `split` but also reports empty elements, for strict parsers.
    static func splitKeepingEmpty(_ bytes: [UInt8]) -> [Range<Int>] {
        bytes.withUnsafeBufferPointer { p in
            var out = [Range<Int>]()
            var start = 0
            var i = 0
            var inQuotes = false, inAngle = false
            while i < p.count {
                let b = p[i]
                if inQuotes {
                    if b == UInt8(ascii: "\\") { i += 2; continue }
                    if b == UInt8(ascii: "\"") { inQuotes = false }
                } else if inAngle {
                    if b == UInt8(ascii: ">") { inAngle = false }
                } else if b == UInt8(ascii: "\"") {
                    inQuotes = true
                } else if b == UInt8(ascii: "<") {
                    inAngle = true
                } else if b == UInt8(ascii: ",") {
                    out.append(trim(p, start..<i))
                    start = i + 1
                }
                i += 1
            }
            out.append(trim(p, start..<min(p.count, max(start, p.count))))
            return out
        }
    }

    @inline(__always)
    static func trim(_ p: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Range<Int> {
        var s = r.lowerBound, e = min(r.upperBound, p.count)
        if s > e { return e..<e }
        while s < e, ByteClass.isLWS(p[s]) { s += 1 }
        while e > s, ByteClass.isLWS(p[e - 1]) { e -= 1 }
        return s..<e
    }
}
