import Transport

/// A call (Call-ID) whose dialogs are all over, as `DialogTracker` reports it: its messages in
/// capture order, not yet assembled into dialogs.
///
/// Assembling (copy graph, hops, proxies, route sets) is the costly part of dialog tracking and
/// needs nothing of the tracker's state, so it can run later or on another thread.
public struct EndedCall: Sendable {
    let record: CallRecord
    /// Why the call was reported.
    public let end: DialogEnd
    let declaredProxies: [Endpoint]

    /// The Call-ID.
    public var callID: String { record.callID }

    /// How many messages the call holds (what its dialogs keep in memory).
    public var messageCount: Int { record.entries.count }

    /// The call's dialogs, in the order the tracker reports them.
    public func dialogs() -> [Dialog] {
        DialogAssembler.assemble(record, end: end, declaredProxies: declaredProxies)
    }
}
