/// A message read for the tracker: the observed message and the few fields dialog tracking keys
/// on (Call-ID, CSeq, tags, Vias...), read once.
///
/// Reading them is most of what tracking a message costs and needs no tracker state, so it can
/// run ahead of the tracker, on another thread (`Analysis.runConcurrently`).
public struct PreparedMessage: Sendable {
    /// The message.
    public let observed: ObservedMessage
    /// The message with its facts, as its call will hold it; nil when the message lacks what a
    /// dialog needs (Call-ID, CSeq, From, To or Via). Made here, so that the tracker appends a
    /// reference instead of copying the message and its facts (a dozen reference counts).
    let entry: CallRecord.Entry?

    /// Nil when the message lacks what a dialog needs.
    var facts: MessageFacts? { entry?.facts }

    /// Reads the message's facts.
    public init(_ observed: ObservedMessage) {
        self.observed = observed
        entry = MessageFacts(observed.message).map { CallRecord.Entry(observed: observed, facts: $0) }
    }
}
