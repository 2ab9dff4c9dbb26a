extension NameAddress {
    /// The `tag` parameter of a From or To value, read in place: what
    /// `(try? NameAddress(lenientSkippingURI: text))?.tag` gives, without building the address.
    ///
    /// nil when that lenient parse fails (unclosed quote or `<`, `>` without `<`, empty URI);
    /// `.some(nil)` when it succeeds but the first `tag` parameter is absent or has no value.
    /// Dialog matching and the audit read a tag from almost every message, so this path makes
    /// only the tag's String.
    static func lenientTag(_ b: UnsafeBufferPointer<UInt8>) -> String?? {
        var i = 0
        while i < b.count, ByteClass.isLWS(b[i]) { i += 1 }
        guard i < b.count else { return nil }
        if b[i] == UInt8(ascii: "\"") {
            // Quoted display name; `\` escapes any octet.
            i += 1
            var closed = false
            while i < b.count {
                if b[i] == UInt8(ascii: "\\") {
                    guard i + 1 < b.count else { break }
                    i += 2
                    continue
                }
                i += 1
                if b[i - 1] == UInt8(ascii: "\"") { closed = true; break }
            }
            guard closed else { return nil }
            while i < b.count, ByteClass.isLWS(b[i]) { i += 1 }
            guard i < b.count, b[i] == UInt8(ascii: "<") else { return nil }
        }
        // A `<` before the first `;` opens a name-addr: one scan for whichever comes first.
        let open = ByteClass.findEither(UInt8(ascii: "<"), UInt8(ascii: ";"), b, i, b.count)
        if open < b.count, b[open] == UInt8(ascii: "<") {
            let close = ByteClass.findEither(UInt8(ascii: ">"), UInt8(ascii: ">"), b, open, b.count)
            guard close < b.count else { return nil }
            // The URI, whitespace dropped as the lenient parse drops it, must not be empty.
            guard b[(open + 1)..<close].contains(where: { !ByteClass.isLWS($0) }) else { return nil }
            i = close + 1
        } else {
            let start = i
            while i < b.count, b[i] != UInt8(ascii: ";"), !ByteClass.isLWS(b[i]) { i += 1 }
            guard i > start, !b[start..<i].contains(UInt8(ascii: ">")) else { return nil }
        }
        return .some(firstTagValue(b, from: i))
    }

    /// The value of the first parameter named `tag` (any case) in `b[from...]`, split as
    /// `HeaderParameterParser.parseLenient` splits. nil when there is none or it is a flag.
    private static func firstTagValue(_ b: UnsafeBufferPointer<UInt8>, from: Int) -> String? {
        if let plain = plainTagValue(b, from: from) {
            return plain.map { String(decoding: UnsafeBufferPointer(rebasing: b[$0]), as: UTF8.self) }
        }
        var value: String?
        HeaderParameterParser.forEachLenient(b, from: from) { name, range in
            guard isTag(b, name) else { return true }
            value = range.map { String(decoding: UnsafeBufferPointer(rebasing: b[$0]), as: UTF8.self) }
            return false
        }
        return value
    }

    /// `firstTagValue` for parameters without quotes or LWS (what From and To carry): one pass
    /// that splits on `;` and at each piece's first `=`, where trimming changes nothing. The
    /// value's range, `.some(nil)` for none or a flag, nil when a quote or LWS needs the full split.
    private static func plainTagValue(_ b: UnsafeBufferPointer<UInt8>, from: Int) -> Range<Int>?? {
        // The bytes that matter, as bits of one word: '"', ';', '=' and LWS (all below 64).
        let special: UInt64 = 1 << 0x22 | 1 << 0x3b | 1 << 0x3d | 1 << 0x20 | 1 << 0x09 | 1 << 0x0d | 1 << 0x0a
        var start = from, equals = -1, i = from
        /// The tag's value when the piece ending at `end` is the tag parameter, `.some(nil)` when
        /// it is a tag flag, nil when it is another parameter or empty.
        func tag(endingAt end: Int) -> Range<Int>?? {
            if equals < 0 { return end > start && isTag(b, start..<end) ? .some(nil) : nil }
            return equals > start && isTag(b, start..<equals) ? .some((equals + 1)..<end) : nil
        }
        while i < b.count {
            let byte = b[i]
            if byte < 64, (special >> UInt64(byte)) & 1 != 0 {
                switch byte {
                case UInt8(ascii: ";"):
                    if let found = tag(endingAt: i) { return found }
                    start = i + 1
                    equals = -1
                case UInt8(ascii: "="):
                    if equals < 0 { equals = i }
                default:
                    return nil  // a quote or LWS: the full split decides
                }
            }
            i += 1
        }
        return tag(endingAt: b.count) ?? .some(nil)
    }

    private static func isTag(_ b: UnsafeBufferPointer<UInt8>, _ name: Range<Int>) -> Bool {
        name.count == 3 && b[name.lowerBound] | 0x20 == UInt8(ascii: "t")
            && b[name.lowerBound + 1] | 0x20 == UInt8(ascii: "a") && b[name.lowerBound + 2] | 0x20 == UInt8(ascii: "g")
    }
}
