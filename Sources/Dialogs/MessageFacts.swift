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
    var fromURI: String
    var toURI: String
    /// Every Via, top first.
    var vias: [ViaKey]
    /// The first Contact URI, as on the wire.
    var contact: String?
    /// Record-Route values, one per value, top first, as on the wire.
    var recordRoutes: [String]
    /// True for a NOTIFY whose Subscription-State is `terminated` (RFC 6665 4.1.3).
    var subscriptionTerminated: Bool

    /// Nil when the message lacks what a dialog needs (Call-ID, CSeq, From, To or Via).
    init?(_ message: SIPMessage) {
        guard let callID = message.callID, let cseq = message.cseq,
              let from = message.field(.from).map(Identity.init(rawValue:)),
              let to = message.field(.to).map(Identity.init(rawValue:))
        else { return nil }
        // Read from the raw values: a Via that a strict parse rejects (e.g. an unbracketed IPv6
        // sent-by, common in real captures) still identifies its transaction.
        let vias = message.values(.via).map(ViaKey.init(rawValue:))
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
        fromURI = from.uriText
        toURI = to.uriText
        self.vias = vias
        contact = message.values(.contact).first.flatMap { $0 == "*" ? nil : Identity(rawValue: $0).uriText }
        recordRoutes = message.recordRoutes
        subscriptionTerminated = method == .notify
            && (message.fields(.subscriptionState).first?.lowercased().hasPrefix("terminated") ?? false)
    }

    /// The top Via.
    var topVia: ViaKey { vias[0] }
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
        let bytes = Array(text.utf8)
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
        let parameters: ArraySlice<UInt8>
        if let open, let close = bytes[open...].firstIndex(of: UInt8(ascii: ">")) {
            uriText = String(decoding: bytes[(open + 1)..<close], as: UTF8.self)
            parameters = bytes[(close + 1)...]
        } else {
            let end = bytes.firstIndex(of: UInt8(ascii: ";")) ?? bytes.count
            uriText = String(decoding: bytes[..<end], as: UTF8.self).trimmingSpaces
            parameters = bytes[end...]
        }
        tag = nil
        for parameter in parameters.split(separator: UInt8(ascii: ";")) {
            let pair = parameter.split(separator: UInt8(ascii: "="), maxSplits: 1)
            guard pair.count == 2,
                  String(decoding: pair[0], as: UTF8.self).trimmingSpaces.lowercased() == "tag" else { continue }
            // The first tag counts, as in the parser's NameAddress (real captures repeat it).
            tag = String(decoding: pair[1], as: UTF8.self).trimmingSpaces
            break
        }
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
        let parameters = text.split(separator: ";", omittingEmptySubsequences: false)
        let head = parameters.first.map { String($0).trimmingSpaces } ?? ""
        // "SIP / 2.0 / UDP host:port": sent-by is the last space-separated token.
        sentBy = head.split(whereSeparator: { $0 == " " || $0 == "\t" }).last.map { $0.lowercased() } ?? ""
        var found = ""
        for parameter in parameters.dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1)
            if pair.count == 2, String(pair[0]).trimmingSpaces.lowercased() == "branch" {
                found = String(pair[1]).trimmingSpaces
                break
            }
        }
        branch = found
    }

    /// True when the branch carries the RFC 3261 magic cookie (else RFC 2543 matching applies).
    var isRFC3261: Bool { branch.hasPrefix("z9hG4bK") }
}
