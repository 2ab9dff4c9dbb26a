/// What the dialog tracker did with the messages it was given.
public struct DialogStatistics: Sendable, Equatable {
    /// Messages ingested.
    public var messages = 0
    /// Out-of-dialog traffic (OPTIONS, REGISTER, MESSAGE, PUBLISH... and their responses): counted, not kept.
    public var nonDialogMessages = 0
    /// Messages lacking Call-ID, CSeq, From, To or Via: cannot belong to a dialog.
    public var unusableMessages = 0
    /// Messages of a Call-ID whose dialogs were already reported (late retransmissions).
    public var lateMessages = 0
    /// Calls (Call-IDs) reported, each with one or more dialogs.
    public var reportedCalls = 0
    /// Of those, reported because no message came for the dialog timeout.
    public var expiredCalls = 0
    /// Calls reported early because they reached `maxMessagesPerCall`.
    public var limitedCalls = 0
    /// Most calls (Call-IDs) held open at once: what memory follows.
    public var peakOpenCalls = 0

    public init() {}
}
