import Glibc
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
    /// The last list `values(_:of:)` built.
    private var lastList: [RouteValue] = []
    /// The last two distinct Request-URI texts built (see `requestURI(of:)`).
    private var requestURIs: (last: String?, previous: String?)
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
    ///
    /// A list of the very values the previous list held is that list again, shared: the copies of
    /// a request and the dialog-forming responses mostly carry one Route or Record-Route list,
    /// and an array per copy was an allocation and a free each.
    mutating func values(_ name: HeaderName, of message: SIPMessage) -> [RouteValue] {
        var built: [RouteValue] = []
        var shared = 0  // leading values the same objects as `lastList`'s, not copied into `built`
        var diverged = false
        message.forEachValue(name) { storage, range in
            let found = value(storage, range)
            if !diverged {
                if shared < lastList.count, lastList[shared].isIdentical(to: found) {
                    shared += 1
                    return
                }
                diverged = true
                built.reserveCapacity(shared + 2)
                built.append(contentsOf: lastList[..<shared])
            }
            built.append(found)
        }
        guard diverged else { return shared == lastList.count ? lastList : Array(lastList[..<shared]) }
        lastList = built
        return built
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

    /// `message.requestURI ?? ""`, as the String built for an earlier copy when the bytes are the
    /// same: the copies of a request, and mostly the requests of a dialog, carry one Request-URI,
    /// and building its String for each copy (tens of bytes: an allocation) cost more than
    /// comparing the bytes with the last two built.
    mutating func requestURI(of message: SIPMessage) -> String {
        guard message.isRequest else { return "" }
        let range = message.startLineParts.target
        let known = message.bytes.withUnsafeBufferPointer { bytes -> String? in
            let candidate = UnsafeBufferPointer(rebasing: bytes[range])
            if let last = requestURIs.last, Self.text(last, is: candidate) { return last }
            if let previous = requestURIs.previous, Self.text(previous, is: candidate) { return previous }
            return nil
        }
        if let known { return known }
        let text = message.text(range)
        requestURIs = (text, requestURIs.last)
        return text
    }

    /// True when `text`'s UTF-8 is exactly `bytes`.
    private static func text(_ text: String, is bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard text.utf8.count == bytes.count else { return false }
        var text = text
        return text.withUTF8 { own in
            guard let left = own.baseAddress, let right = bytes.baseAddress else { return true }  // both empty
            return memcmp(left, right, own.count) == 0
        }
    }
}
