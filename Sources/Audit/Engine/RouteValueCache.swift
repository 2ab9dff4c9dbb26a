import SIP

/// Parses each distinct Route/Record-Route text once per dialog: the same few values recur in
/// every copy of the INVITE, every response and every in-dialog request.
///
/// A dialog has a handful of distinct values, each tens of bytes long: comparing a few Strings
/// (length first) is cheaper than hashing each long text, so the first ones are found by a
/// linear search and a table takes over only for dialogs with many.
struct RouteValueCache {
    private var recent: [RouteValue] = []
    private var table: [String: RouteValue] = [:]
    /// Values kept in `recent` before the table is used.
    private static let linearLimit = 16

    mutating func value(_ raw: String) -> RouteValue {
        // Lengths first (the values of a dialog mostly differ in length), then the texts.
        let length = raw.utf8.count
        if let known = recent.first(where: { $0.rawLength == length && $0.raw == raw })
            ?? (table.isEmpty ? nil : table[raw]) { return known }
        let parsed = RouteValue(raw)
        if recent.count < Self.linearLimit {
            recent.append(parsed)
        } else {
            table[raw] = parsed
        }
        return parsed
    }

    mutating func values(_ raws: [String]) -> [RouteValue] {
        raws.map { value($0) }
    }

    /// The values of every `name` header of `message`, as `values(message.values(name))` gives
    /// them, read from the message's bytes: a value already known (most are: the same few recur in
    /// every copy of every request) is found by comparing bytes, and only a new one becomes a String.
    mutating func values(_ name: HeaderName, of message: SIPMessage) -> [RouteValue] {
        var result: [RouteValue] = []
        message.forEachValue(name) { storage, range in result.append(value(storage, range)) }
        return result
    }

    /// The value whose text is the UTF-8 of `storage[range]`. Equal bytes make equal Strings, and
    /// the cache never holds two equal texts, so a byte match is the entry `value(_:)` would find.
    private mutating func value(_ storage: [UInt8], _ range: Range<Int>) -> RouteValue {
        let known = storage.withUnsafeBufferPointer { bytes in
            let candidate = UnsafeBufferPointer(rebasing: bytes[range])
            return recent.first { $0.hasUTF8(candidate) }
        }
        return known ?? value(String(decoding: storage[range], as: UTF8.self))
    }
}
