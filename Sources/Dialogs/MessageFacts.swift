import SIP

/// The few fields of a SIP message that dialog tracking keys on, read once per message.
///
/// The only place that knows how `SIPMessage` exposes them, so the tracker's logic stays about
/// dialogs, not parser API.
///
/// The facts are the message's box (the `MessageBox` of its `ObservedMessage`) and its entry in
/// its call (`CallRecord.Entry`): one object per message, then only read. As an object of their
/// own, they cost an allocation, a free and a reference to the box per message.
final class MessageFacts: MessageBox, @unchecked Sendable {
    // @unchecked: as its superclass; every stored property is a `let` of a Sendable type.
    /// The facts, read from the message before its box was made.
    private let values: Values

    /// The top Via.
    var topVia: ViaKey { values.topVia }
    /// The second Via (the top Via of the copy a proxy forwarded), nil with a single Via. Only
    /// the top two are read: copies are linked and responses matched through these.
    var secondVia: ViaKey? { values.secondVia }
    /// The Call-ID, hashed once.
    var callKey: CallKey { values.callKey }
    var cseq: UInt32 { values.cseq }
    var fromTag: String? { values.fromTag }
    var toTag: String? { values.toTag }
    /// The request method, or for a response the CSeq method.
    var method: SIPMethod { values.method }
    /// `KeyHash` of the method name, for the copy graph's keys.
    var methodHash: Int { values.methodHash }
    var isRequest: Bool { values.isRequest }
    /// True for a NOTIFY whose Subscription-State is `terminated` (RFC 6665 4.1.3).
    var subscriptionTerminated: Bool { values.subscriptionTerminated }
    var callID: String { callKey.callID }
    var statusCode: Int? { values.isRequest ? nil : Int(values.status) }
    /// How many Via values the message carries.
    var viaCount: Int { Int(values.viaCount) }
    /// The entry itself, as its facts.
    var facts: MessageFacts { self }
    /// `DialogAssembler.formsDialog(method)`, the method hash told first: comparing two
    /// different method names calls into the String runtime.
    var formsDialog: Bool {
        let hash = values.methodHash
        return (hash == Self.inviteHash || hash == Self.subscribeHash || hash == Self.referHash)
            && DialogAssembler.formsDialog(values.method)
    }

    /// The message's box, with its facts (`Values(message)`, nil when the message lacks what a
    /// dialog needs). Both moved in, not copied (a copy retains and releases every array and
    /// String held).
    init(_ values: __owned Values, _ fields: __owned ObservedMessage.Fields) {
        self.values = values
        super.init(fields)
    }

    /// What the facts hold. A struct read from the message before its box is made: a message
    /// dialogs cannot use then gets a plain box, and the message's fields go into one box or
    /// the other without a copy.
    ///
    /// Stored largest first and narrow (32-bit offsets in the keys, a 16-bit status): every
    /// message of every open call is held with its facts, 160 bytes instead of 240.
    struct Values: Sendable {
        let topVia: ViaKey
        let secondVia: ViaKey?
        let callKey: CallKey
        let cseq: UInt32
        let fromTag: String?
        let toTag: String?
        let method: SIPMethod
        let methodHash: Int
        let viaCount: UInt32
        /// A response's status code (100-699, as the parser reads it); 0 for a request.
        let status: UInt16
        let isRequest: Bool
        let subscriptionTerminated: Bool

        /// Nil when the message lacks what a dialog needs (Call-ID, CSeq, From, To or Via).
        ///
        /// Inlined into its one caller, so that the values are built where they are used
        /// instead of being copied out of a returned optional (160 bytes, once per message).
        @inline(__always)
        init?(_ message: __shared SIPMessage) {
            guard let callKey = MessageFacts.callKey(of: message), let cseq = message.cseq,
                  let fromTag = MessageFacts.withField(.from, of: message, Identity.tag(bytes:)),
                  let toTag = MessageFacts.withField(.to, of: message, Identity.tag(bytes:))
            else { return nil }
            // Read from the raw values: a Via that a strict parse rejects (e.g. an unbracketed IPv6
            // sent-by, common in real captures) still identifies its transaction.
            var top: ViaKey?, second: ViaKey?, viaCount = 0
            message.forEachValue(.via) { storage, range in
                if viaCount == 0 {
                    top = ViaKey(storage: storage, value: range)
                } else if viaCount == 1 {
                    second = ViaKey(storage: storage, value: range)
                }
                viaCount += 1
            }
            // Taken out of the variables the closure captured, not copied (a retain and a release each).
            guard let top = top.take() else { return nil }
            let code = message.statusCode
            // Read without `startLine`, which would make a String of the Request-URI or reason.
            let method = code == nil ? message.method ?? cseq.method : cseq.method  // a request always has its own method
            let methodHash = MessageFacts.hash(of: method)
            // The hash told first: comparing two different method names cost a call into the
            // String runtime for every message.
            let terminated = methodHash == MessageFacts.notifyHash && method == .notify
                && (message.fields(.subscriptionState).first?.lowercased().hasPrefix("terminated") ?? false)
            topVia = top
            secondVia = second.take()
            self.callKey = callKey
            self.cseq = cseq.number
            self.fromTag = fromTag
            self.toTag = toTag
            self.method = method
            self.methodHash = methodHash
            self.viaCount = UInt32(clamping: viaCount)
            status = code.map { UInt16(clamping: $0) } ?? 0
            isRequest = code == nil
            subscriptionTerminated = terminated
        }
    }

    /// `KeyHash.string(method.rawValue)`, for the methods of a usual call from constants: hashing
    /// the name cost about a hundred instructions per message, a comparison of two small
    /// Strings a few.
    private static func hash(of method: SIPMethod) -> Int {
        if method == .invite { return inviteHash }
        if method == .ack { return ackHash }
        if method == .bye { return byeHash }
        return KeyHash.string(method.rawValue)
    }

    private static let notifyHash = KeyHash.string(SIPMethod.notify.rawValue)
    private static let subscribeHash = KeyHash.string(SIPMethod.subscribe.rawValue)
    private static let referHash = KeyHash.string(SIPMethod.refer.rawValue)
    private static let inviteHash = KeyHash.string(SIPMethod.invite.rawValue)
    private static let ackHash = KeyHash.string(SIPMethod.ack.rawValue)
    private static let byeHash = KeyHash.string(SIPMethod.bye.rawValue)

    /// `message.withFieldBytes(name, body)`, specialised here: that method is generic and in
    /// another module, so it ran unspecialised, which cost most of reading the two tags of every
    /// message. Folded fields (rare) still go through it, for the unfolding.
    private static func withField<Result>(_ name: HeaderName, of message: SIPMessage,
                                          _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result? {
        guard let header = message.firstHeader(name) else { return nil }
        if header.isFolded { return message.withFieldBytes(name, body) }
        return message.bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[header.rawValue])) }
    }

    /// The Call-ID as `message.callID` reads it, without making it a String.
    private static func callKey(of message: SIPMessage) -> CallKey? {
        guard let header = message.firstHeader(.callID) else { return nil }
        guard header.isFolded else { return CallKey(storage: message.bytes, range: header.rawValue) }
        let unfolded = message.withFieldBytes(.callID) { Array($0) } ?? []
        return CallKey(storage: unfolded, range: 0..<unfolded.count)
    }

    // What only dialog assembly reads, for a few messages of each call: read from the message
    // when asked, so that tracking every message does not pay for it.

    /// The From URI, as on the wire.
    static func fromURI(of message: SIPMessage) -> String {
        withField(.from, of: message, Identity.init(bytes:))?.uriText ?? ""
    }

    /// The To URI, as on the wire.
    static func toURI(of message: SIPMessage) -> String {
        withField(.to, of: message, Identity.init(bytes:))?.uriText ?? ""
    }

    /// The first Contact URI, as on the wire (nil for none or `*`).
    static func contact(of message: SIPMessage) -> String? {
        var first: Identity?? = nil
        message.forEachValue(.contact) { storage, range in
            guard first == nil else { return }
            first = storage.withUnsafeBufferPointer { bytes in
                let value = UnsafeBufferPointer(rebasing: bytes[range])
                return value.count == 1 && value[0] == UInt8(ascii: "*") ? .some(nil) : Identity(bytes: value)
            }
        }
        return first??.uriText
    }
}
