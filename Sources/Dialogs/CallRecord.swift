import Capture
import SIP

/// Everything the tracker holds about one Call-ID while its dialogs are open: the messages in
/// capture order and just enough state to tell when they have all ended.
///
/// Dialogs are only assembled (by `DialogAssembler`) when the call is reported, so the per-message
/// work stays a few set updates.
///
/// A class, so that the tracker's many look-ups hand out a reference instead of copying a dozen
/// collections each time.
final class CallRecord: @unchecked Sendable {
    // @unchecked: only the `DialogTracker` holding the record in its table mutates it (reading
    // `completionTime` too, which keeps its answer); once the tracker reports the call it drops
    // the record and nothing mutates it again (a sweep may still read its cleared
    // `isAwaitingSweep`), so an `EndedCall` may carry it to another thread.
    /// One message and its facts: the message's box, which holds its facts (`MessageFacts`).
    /// A class: assembly passes entries around a lot, and copying one is a single retain.
    typealias Entry = MessageFacts

    /// The Call-ID, with the hash the tracker's tables use.
    let key: CallKey
    /// The Call-ID, made a String once per call.
    let callID: String
    /// Everything that changes, in one stored property. Without runtime exclusivity checks (a
    /// begin and an end access per message, about a hundred instructions): every access is one
    /// short call of a `State` method or property from the record's own methods and properties,
    /// none of which calls back into the record, so no two accesses can overlap.
    @exclusivity(unchecked) private var state: State

    private struct State {
        var entries: [Entry] = []
        var isAwaitingSweep = false
        var progress: CallProgress

        mutating func append(_ entry: Entry) -> (newlyAwaitingSweep: Bool, count: Int) {
            entries.append(entry)
            progress.note(entry.facts, at: entry.observed.time)
            let newly = !isAwaitingSweep
            isAwaitingSweep = true
            return (newly, entries.count)
        }
    }

    init(key: CallKey, time: CaptureTime) {
        self.key = key
        callID = key.callID
        state = State(progress: CallProgress(time: time))
        // Room for a usual call's messages (a dozen or so) at once, not regrown four times.
        state.entries.reserveCapacity(16)
    }

    /// The messages, in capture order.
    var entries: [Entry] { state.entries }
    var firstTime: CaptureTime { state.progress.firstTime }
    var lastTime: CaptureTime { state.progress.lastTime }
    /// Whether the tracker has queued the call for its next sweep (tracker bookkeeping).
    var isAwaitingSweep: Bool {
        get { state.isAwaitingSweep }
        set { state.isAwaitingSweep = newValue }
    }

    /// Appends the next message, and queues the call for the tracker's sweep: returns whether it
    /// was not queued yet, and how many messages the call now holds.
    func append(_ entry: Entry) -> (newlyAwaitingSweep: Bool, count: Int) {
        state.append(entry)
    }

    /// The capture time from which every dialog of the call is over, or nil while one is open.
    var completionTime: CaptureTime? { state.progress.completionTime() }
}
