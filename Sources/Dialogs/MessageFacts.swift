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
        guard let callID = message.callID, let cseq = message.cseq, let from = message.from,
              let to = message.to else { return nil }
        let vias = message.vias.map { ViaKey(branch: $0.branch ?? "", sentBy: $0.sentBy.lowercased()) }
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
        contact = message.contacts.first?.uriText
        recordRoutes = message.recordRoutes
        subscriptionTerminated = method == .notify
            && (message.fields(.subscriptionState).first?.lowercased().hasPrefix("terminated") ?? false)
    }

    /// The top Via.
    var topVia: ViaKey { vias[0] }
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

    /// True when the branch carries the RFC 3261 magic cookie (else RFC 2543 matching applies).
    var isRFC3261: Bool { branch.hasPrefix("z9hG4bK") }
}
