/// The URI and tag of a From, To or Contact value, read straight from the wire text.
///
/// Only what dialog matching needs, so no full URI parse per message (the hot path), and lenient
/// where real captures are not (e.g. `\"arik\" <sip:...>` display names the parser rejects).
struct Identity {
    var uriText: String
    var tag: String?

    /// `name-addr` (`"Display" <uri>;params`) or `addr-spec` (`uri;params`, RFC 3261 20.10: then
    /// the parameters belong to the header). Quoted strings are skipped when looking for `<`.
    init(rawValue text: String) {
        var text = text
        self = text.withUTF8(Identity.init(bytes:))
    }

    /// `init(rawValue:)` on the value's bytes as the message holds them.
    init(bytes: UnsafeBufferPointer<UInt8>) {
        let parts = Self.split(bytes)
        if parts.isBracketed {
            uriText = String(decoding: bytes[parts.uri], as: UTF8.self)
        } else {
            uriText = String(decoding: bytes[parts.uri], as: UTF8.self).trimmingSpaces
        }
        tag = Self.firstTag(in: bytes[parts.parameters...])
    }

    /// The tag `init(bytes:)` would read, without making the URI a String: dialog tracking
    /// reads the tags of every From and To and the URIs of a few.
    static func tag(bytes: UnsafeBufferPointer<UInt8>) -> String? {
        firstTag(in: bytes[split(bytes).parameters...])
    }

    /// Where the URI lies and where the header parameters start.
    private static func split(_ bytes: UnsafeBufferPointer<UInt8>) -> (uri: Range<Int>, isBracketed: Bool, parameters: Int) {
        var index = 0, inQuotes = false, open: Int?
        while index < bytes.count {
            let byte = bytes[index]
            if inQuotes {
                if byte == UInt8(ascii: "\\") { index += 1 } else if byte == UInt8(ascii: "\"") { inQuotes = false }
            } else if byte == UInt8(ascii: "\"") {
                inQuotes = true
            } else if byte == UInt8(ascii: "<") {
                open = index
                break
            }
            index += 1
        }
        // An unbalanced quote (e.g. a backslash-escaped display name outside quotes) hides the
        // `<`: fall back to the first one.
        if open == nil && inQuotes { open = bytes.firstIndex(of: UInt8(ascii: "<")) }
        if let open {
            let close = ByteSearch.first(UInt8(ascii: ">"), in: bytes, from: open, to: bytes.count)
            if close < bytes.count { return ((open + 1)..<close, true, close + 1) }
        }
        let end = ByteSearch.first(UInt8(ascii: ";"), in: bytes, from: 0, to: bytes.count)
        return (0..<end, false, end)
    }

    /// The value of the first `tag` parameter (name case-insensitive, blanks around name and
    /// value dropped): the first one counts, as in the parser's NameAddress (real captures repeat
    /// it). Read in place, without splitting into arrays. As with
    /// `split(separator: "=", maxSplits: 1)`, leading `=` are skipped and a parameter needs a
    /// non-empty name and value.
    ///
    /// Plain index loops over the base buffer, the name tested for `tag` before looking for `=`:
    /// every From and To of every message comes here.
    private static func firstTag(in parameters: Slice<UnsafeBufferPointer<UInt8>>) -> String? {
        let bytes = parameters.base, limit = parameters.endIndex
        var start = parameters.startIndex
        while start < limit {
            let end = ByteSearch.first(UInt8(ascii: ";"), in: bytes, from: start, to: limit)
            var index = start
            while index < end, bytes[index] == UInt8(ascii: "=") { index += 1 }
            while index < end, isBlank(bytes[index]) { index += 1 }
            // `tag`, blanks, then the piece's first `=` (no letter of `tag` nor a blank is one).
            if end - index > 3, bytes[index] | 0x20 == UInt8(ascii: "t"), bytes[index + 1] | 0x20 == UInt8(ascii: "a"),
               bytes[index + 2] | 0x20 == UInt8(ascii: "g") {
                var equals = index + 3
                while equals < end, isBlank(bytes[equals]) { equals += 1 }
                if equals + 1 < end, bytes[equals] == UInt8(ascii: "=") {
                    var valueStart = equals + 1, valueEnd = end
                    while valueStart < valueEnd, isBlank(bytes[valueStart]) { valueStart += 1 }
                    while valueEnd > valueStart, isBlank(bytes[valueEnd - 1]) { valueEnd -= 1 }
                    return String(utf8Bytes: bytes[valueStart..<valueEnd])
                }
            }
            start = end + 1
        }
        return nil
    }

    @inline(__always)
    private static func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }
}

