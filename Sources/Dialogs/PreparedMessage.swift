/// A message read for the tracker: the observed message and the few fields dialog tracking keys
/// on (Call-ID, CSeq, tags, Vias...), read once.
///
/// Reading them is most of what tracking a message costs and needs no tracker state, so it can
/// run ahead of the tracker, on another thread (`Analysis.runConcurrently`).
public struct PreparedMessage: Sendable {
    /// The message.
    public let observed: ObservedMessage
    /// Nil when the message lacks what a dialog needs (Call-ID, CSeq, From, To or Via).
    let facts: MessageFacts?

    /// Reads the message's facts.
    public init(_ observed: ObservedMessage) {
        self.observed = observed
        facts = MessageFacts(observed.message)
    }
}
