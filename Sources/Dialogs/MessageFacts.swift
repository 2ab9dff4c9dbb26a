import SIP

/// The few fields of a SIP message that dialog tracking keys on, read once per message.
///
/// The only place that knows how `SIPMessage` exposes them, so the tracker's logic stays about
/// dialogs, not parser API.
struct MessageFacts: Sendable {
    var isRequest: Bool
    /// The request method, or for a response the CSeq method.
    var method: SIPMethod
    var statusCode: Int?
    var callID: String
    var cseq: UInt32
    var fromTag: String?
    var toTag: String?
    /// Every Via, top first.
    var vias: [ViaKey]
    /// True for a NOTIFY whose Subscription-State is `terminated` (RFC 6665 4.1.3).
    var subscriptionTerminated: Bool

    /// Nil when the message lacks what a dialog needs (Call-ID, CSeq, From, To or Via).
    init?(_ message: SIPMessage) {
        guard let callID = message.callID, let cseq = message.cseq,
              let from = message.withFieldBytes(.from, Identity.init(bytes:)),
              let to = message.withFieldBytes(.to, Identity.init(bytes:))
        else { return nil }
        // Read from the raw values: a Via that a strict parse rejects (e.g. an unbracketed IPv6
        // sent-by, common in real captures) still identifies its transaction.
        var vias: [ViaKey] = []
        message.forEachValueBytes(.via) { vias.append(ViaKey(bytes: $0)) }
        guard !vias.isEmpty else { return nil }
        switch message.startLine {
        case .request(let method, _):
            isRequest = true
            self.method = method
            statusCode = nil
        case .response(let code, _):
            isRequest = false
            method = cseq.method
            statusCode = code
        }
        self.callID = callID
        self.cseq = cseq.number
        fromTag = from.tag
        toTag = to.tag
        self.vias = vias
        subscriptionTerminated = method == .notify
            && (message.fields(.subscriptionState).first?.lowercased().hasPrefix("terminated") ?? false)
    }

    /// The top Via.
    var topVia: ViaKey { vias[0] }

    // What only dialog assembly reads, for a few messages of each call: read from the message
    // when asked, so that tracking every message does not pay for it.

    /// The From URI, as on the wire.
    static func fromURI(of message: SIPMessage) -> String {
        message.withFieldBytes(.from, Identity.init(bytes:))?.uriText ?? ""
    }

    /// The To URI, as on the wire.
    static func toURI(of message: SIPMessage) -> String {
        message.withFieldBytes(.to, Identity.init(bytes:))?.uriText ?? ""
    }

    /// The first Contact URI, as on the wire (nil for none or `*`).
    static func contact(of message: SIPMessage) -> String? {
        var first: Identity?? = nil
        message.forEachValueBytes(.contact) { value in
            guard first == nil else { return }
            first = value.count == 1 && value[0] == UInt8(ascii: "*") ? .some(nil) : Identity(bytes: value)
        }
        return first??.uriText
    }
}

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

    /// `init(rawValue:)` on the value's bytes as the message holds them (the hot path: every
    /// From and To comes here, so no String is made but the URI and the tag).
    init(bytes: UnsafeBufferPointer<UInt8>) {
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
        let parameters: Slice<UnsafeBufferPointer<UInt8>>
        if let open, let close = bytes[open...].firstIndex(of: UInt8(ascii: ">")) {
            uriText = String(decoding: bytes[(open + 1)..<close], as: UTF8.self)
            parameters = bytes[(close + 1)...]
        } else {
            let end = bytes.firstIndex(of: UInt8(ascii: ";")) ?? bytes.count
            uriText = String(decoding: bytes[..<end], as: UTF8.self).trimmingSpaces
            parameters = bytes[end...]
        }
        tag = Self.firstTag(in: parameters)
    }

    /// The value of the first `tag` parameter (name case-insensitive, blanks around name and
    /// value dropped): the first one counts, as in the parser's NameAddress (real captures repeat
    /// it). Read in place, without splitting into arrays. As with
    /// `split(separator: "=", maxSplits: 1)`, leading `=` are skipped and a parameter needs a
    /// non-empty name and value.
    private static func firstTag(in parameters: Slice<UnsafeBufferPointer<UInt8>>) -> String? {
        var start = parameters.startIndex
        while start < parameters.endIndex {
            let end = parameters[start...].firstIndex(of: UInt8(ascii: ";")) ?? parameters.endIndex
            var nameStart = start
            while nameStart < end, parameters[nameStart] == UInt8(ascii: "=") { nameStart += 1 }
            if let equals = parameters[nameStart..<end].firstIndex(of: UInt8(ascii: "=")), equals + 1 < end,
               isTag(trimmingBlanks(parameters[nameStart..<equals])) {
                return String(decoding: trimmingBlanks(parameters[(equals + 1)..<end]), as: UTF8.self)
            }
            start = end + 1
        }
        return nil
    }

    private static func isTag(_ name: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        name.count == 3 && name[name.startIndex] | 0x20 == UInt8(ascii: "t")
            && name[name.startIndex + 1] | 0x20 == UInt8(ascii: "a") && name[name.startIndex + 2] | 0x20 == UInt8(ascii: "g")
    }
}

/// What identifies one Via value for transaction and hop matching: its branch and sent-by.
///
/// Other parameters are left out on purpose: a proxy adds `received`/`rport` to the Via it
/// received before forwarding (RFC 3261 18.2.1, RFC 3581), so the second Via of the outgoing copy
/// differs from the incoming top Via in those only.
struct ViaKey: Hashable, Sendable {
    var branch: String
    /// `host[:port]`, lowercased.
    var sentBy: String

    init(branch: String, sentBy: String) {
        self.branch = branch
        self.sentBy = sentBy
    }

    /// From one Via value as on the wire, e.g. `SIP/2.0/UDP 10.0.0.1:5060;rport;branch=z9hG4bK1`:
    /// sent-by is what follows the protocol up to the first `;`, the branch the value of the
    /// `branch` parameter (names case-insensitive, RFC 3261 7.3.1).
    init(rawValue text: String) {
        var text = text
        self = text.withUTF8(ViaKey.init(bytes:))
    }

    /// `init(rawValue:)` on the value's bytes as the message holds them, in one pass (hot path:
    /// every message has at least one Via).
    init(bytes: UnsafeBufferPointer<UInt8>) {
        let semicolon = bytes.firstIndex(of: UInt8(ascii: ";")) ?? bytes.count
        // "SIP / 2.0 / UDP host:port": sent-by is the last blank-separated token before the first `;`.
        var tokenEnd = semicolon
        while tokenEnd > 0, bytes[tokenEnd - 1] == 0x20 || bytes[tokenEnd - 1] == 0x09 { tokenEnd -= 1 }
        var tokenStart = tokenEnd
        while tokenStart > 0, bytes[tokenStart - 1] != 0x20 && bytes[tokenStart - 1] != 0x09 { tokenStart -= 1 }
        sentBy = Self.lowercased(bytes[tokenStart..<tokenEnd])
        branch = ""
        var index = semicolon
        while index < bytes.count {
            // At a `;`: read the parameter name (case-insensitive, blanks allowed around it).
            var nameStart = index + 1
            while nameStart < bytes.count, bytes[nameStart] == 0x20 || bytes[nameStart] == 0x09 { nameStart += 1 }
            let next = bytes[nameStart...].firstIndex(of: UInt8(ascii: ";")) ?? bytes.count
            let equals = bytes[nameStart..<next].firstIndex(of: UInt8(ascii: "="))
            if let equals, Self.isBranch(bytes[nameStart..<equals]) {
                branch = String(decoding: trimmingBlanks(bytes[(equals + 1)..<next]), as: UTF8.self)
                break
            }
            index = next
        }
    }

    /// `String(decoding:).lowercased()` without the Unicode case mapping when the bytes are
    /// ASCII (host names and addresses always are).
    private static func lowercased(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> String {
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return String(decoding: bytes, as: UTF8.self).lowercased() }
        return String(unsafeUninitializedCapacity: bytes.count) { buffer in
            for (offset, byte) in bytes.enumerated() {
                buffer[offset] = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
            }
            return bytes.count
        }
    }

    private static func isBranch(_ name: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        let letters = trimmingBlanks(name)
        guard letters.count == 6 else { return false }
        var index = letters.startIndex
        for wanted in "branch".utf8 {
            guard letters[index] | 0x20 == wanted else { return false }
            index += 1
        }
        return true
    }

    /// True when the branch carries the RFC 3261 magic cookie (else RFC 2543 matching applies).
    var isRFC3261: Bool { branch.hasPrefix("z9hG4bK") }
}

/// `bytes` without leading and trailing spaces and tabs (the byte form of `trimmingSpaces`).
func trimmingBlanks(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Slice<UnsafeBufferPointer<UInt8>> {
    var start = bytes.startIndex, end = bytes.endIndex
    while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
    while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
    return bytes[start..<end]
}
