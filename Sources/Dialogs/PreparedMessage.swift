import Capture

/// A message read for the tracker: the observed message and the few fields dialog tracking keys
/// on (Call-ID, CSeq, tags, Vias...), read once.
///
/// Reading them is most of what tracking a message costs and needs no tracker state, so it can
/// run ahead of the tracker, on another thread (`Analysis.runConcurrently`).
public struct PreparedMessage: Sendable {
    /// The message as its call will hold it, with its facts; or, when it lacks what a dialog
    /// needs (Call-ID, CSeq, From, To or Via), the bare message. Held once: a second copy of the
    /// message beside its entry cost a copy and a destruction of its arrays per message.
    private let content: Content

    /// Either is one reference, so that passing a prepared message around copies one pointer.
    private enum Content: Sendable {
        case entry(CallRecord.Entry)
        case unusable(ObservedMessage)
    }

    /// The message.
    public var observed: ObservedMessage {
        switch content {
        case .entry(let entry): entry.observed
        case .unusable(let observed): observed
        }
    }

    /// The message's capture time, read without copying the message out.
    var time: CaptureTime {
        switch content {
        case .entry(let entry): entry.observed.time
        case .unusable(let observed): observed.time
        }
    }

    /// The message with its facts, as its call will hold it; nil when the message lacks what a
    /// dialog needs. Made here, so that the tracker appends a reference instead of copying the
    /// message and its facts (a dozen reference counts).
    var entry: CallRecord.Entry? {
        if case .entry(let entry) = content { return entry }
        return nil
    }

    /// Nil when the message lacks what a dialog needs.
    var facts: MessageFacts? { entry?.facts }

    /// The message with its facts (read when it was observed, into its box).
    public init(_ observed: ObservedMessage) {
        if let entry = observed.box as? CallRecord.Entry {
            content = .entry(entry)
        } else {
            content = .unusable(observed)
        }
    }
}
