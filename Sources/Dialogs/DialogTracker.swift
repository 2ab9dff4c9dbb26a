import Capture
import SIP

/// Follows SIP messages in capture order and reports each dialog once it is over.
///
/// Streaming: memory holds the messages of open calls only. A call (Call-ID) is reported when all
/// its dialogs have ended (BYE answered, rejected, cancelled, subscription terminated) and a
/// short linger for retransmissions has passed, or when no message came for the dialog timeout,
/// all in capture time. Out-of-dialog traffic is counted and dropped at once.
///
/// The open calls are held by reference (`CallRecord`): copies of a tracker share them, so keep
/// feeding one copy only.
public struct DialogTracker: Sendable {
    /// Declared proxies, timeouts and limits.
    public let configuration: Configuration
    /// What happened to the messages so far.
    public private(set) var statistics = DialogStatistics()

    private var calls = CallTable()
    /// Open calls that may have ended since the last sweep (each at most once: its
    /// `isAwaitingSweep` says whether it is here), kept by reference so no Call-ID is hashed.
    private var mayHaveEnded: [CallRecord] = []
    /// Reported Call-IDs and until when their late messages are swallowed.
    private var tombstones: [CallKey: CaptureTime] = [:]
    private var now: CaptureTime?
    private var lastSweep: CaptureTime = .zero
    private var lastExpiryScan: CaptureTime = .zero

    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
    }

    /// Calls (Call-IDs) currently held.
    public var openCalls: Int { calls.count }

    /// Takes the next message in capture order; `emit` receives every dialog that this message's
    /// time lets the tracker report.
    public mutating func ingest(_ observed: ObservedMessage, emit: (Dialog) -> Void) {
        track(observed) { call in call.dialogs().forEach(emit) }
    }

    /// Reports what has ended or expired by capture time `now` (call when input pauses, e.g. in
    /// live capture; `ingest` does it itself as capture time advances).
    public mutating func expire(now time: CaptureTime, emit: (Dialog) -> Void) {
        expireCalls(now: time) { call in call.dialogs().forEach(emit) }
    }

    /// Reports every call still open, as input has ended.
    public mutating func finish(emit: (Dialog) -> Void) {
        finishCalls { call in call.dialogs().forEach(emit) }
    }

    /// `ingest`, but handing over each ended call before its dialogs are assembled, so that the
    /// assembly can run elsewhere (e.g. on another thread, see `EndedCall.dialogs()`).
    public mutating func track(_ observed: ObservedMessage, ended emit: (EndedCall) -> Void) {
        track(PreparedMessage(observed), ended: emit)
    }

    /// `track`, for a message whose facts were read beforehand (see `PreparedMessage`).
    public mutating func track(_ prepared: PreparedMessage, ended emit: (EndedCall) -> Void) {
        let observedTime = prepared.time
        statistics.messages += 1
        let time = max(now ?? observedTime, observedTime)
        now = time
        // Report what ended before this message, so that it cannot reopen a finished call.
        sweepIfDue(now: time, emit: emit)
        guard let entry = prepared.entry else {
            statistics.unusableMessages += 1
            return
        }
        let callID = entry.facts.callKey
        let call: CallRecord
        if let open = calls[callID] {
            call = open
        } else {
            // A new dialog-forming request (e.g. an INVITE retried long after a 407) starts a call
            // again; anything else of a reported Call-ID is a late retransmission.
            let forming = entry.facts.isRequest && entry.facts.toTag == nil
                && entry.facts.formsDialog
            if let until = tombstones[callID], until >= time, !forming {
                statistics.lateMessages += 1
                return
            }
            guard startsCall(entry.facts) else {
                statistics.nonDialogMessages += 1
                return
            }
            call = CallRecord(key: callID, time: observedTime)
            calls.insert(call)
            statistics.peakOpenCalls = max(statistics.peakOpenCalls, calls.count)
        }
        let (newlyAwaitingSweep, count) = call.append(entry)
        if newlyAwaitingSweep { mayHaveEnded.append(call) }
        if count >= configuration.maxMessagesPerCall {
            statistics.limitedCalls += 1
            report(call, end: .messageLimit, now: time, emit: emit)
        }
    }

    /// `expire`, handing over ended calls unassembled.
    public mutating func expireCalls(now time: CaptureTime, ended emit: (EndedCall) -> Void) {
        now = max(now ?? time, time)
        sweep(now: now ?? time, scanAll: true, emit: emit)
    }

    /// `finish`, handing over ended calls unassembled.
    public mutating func finishCalls(ended emit: (EndedCall) -> Void) {
        // Every open call is reported below: the sweep queue's references would only keep the
        // last second's calls alive until the tracker itself goes, freed then one by one on
        // whatever thread drops it last instead of by whoever audits them.
        mayHaveEnded.removeAll()
        // Latest first, taken from the end: each call leaves the list as it is reported, so the
        // list does not keep a third of the capture's calls alive until the last is audited.
        var remaining = calls.calls.sorted { Self.captureOrder($1, $0) }
        while let call = remaining.popLast() {
            report(call, end: call.completionTime == nil ? .endOfInput : .ended, now: now ?? call.lastTime, emit: emit)
        }
        tombstones.removeAll()
    }

    private func startsCall(_ facts: MessageFacts) -> Bool {
        guard facts.isRequest else { return false }  // a response alone shows no dialog's requests
        if facts.toTag != nil { return facts.method != .cancel }
        return facts.formsDialog
    }

    private mutating func sweepIfDue(now time: CaptureTime, emit: (EndedCall) -> Void) {
        guard time.seconds(since: lastSweep) >= 1 else { return }
        let scanAll = time.seconds(since: lastExpiryScan) >= min(10, configuration.dialogTimeout / 2)
        sweep(now: time, scanAll: scanAll, emit: emit)
    }

    private mutating func sweep(now time: CaptureTime, scanAll: Bool, emit: (EndedCall) -> Void) {
        lastSweep = time
        var ready: [(CallRecord, DialogEnd)] = []
        var stillPending: [CallRecord] = []
        for call in mayHaveEnded where call.isAwaitingSweep {
            // Without a completion time the call is open: a later message queues it again.
            guard let completion = call.completionTime else {
                call.isAwaitingSweep = false
                continue
            }
            if time.seconds(since: completion) >= configuration.linger {
                ready.append((call, .ended))
            } else {
                stillPending.append(call)
            }
        }
        mayHaveEnded = stillPending
        if scanAll {
            lastExpiryScan = time
            let readyIDs = Set(ready.map { $0.0.key })
            for call in calls.calls where !readyIDs.contains(call.key)
                && time.seconds(since: call.lastTime) >= configuration.dialogTimeout {
                ready.append((call, .expired))
            }
            tombstones = tombstones.filter { $0.value >= time }
        }
        ready.sort { Self.captureOrder($0.0, $1.0) }
        for (call, end) in ready { report(call, end: end, now: time, emit: emit) }
    }

    private mutating func report(_ call: CallRecord, end: DialogEnd, now time: CaptureTime, emit: (EndedCall) -> Void) {
        calls.remove(call)
        call.isAwaitingSweep = false  // reported: a sweep that still lists it skips it
        // Its own bytes: the key points into a message, which the tombstone would keep alive.
        tombstones[call.key.detached] = time.adding(seconds: configuration.tombstone)
        statistics.reportedCalls += 1
        if end == .expired { statistics.expiredCalls += 1 }
        emit(EndedCall(record: call, end: end, declaredProxies: configuration.declaredProxies))
    }

    private static func captureOrder(_ a: CallRecord, _ b: CallRecord) -> Bool {
        a.firstTime != b.firstTime ? a.firstTime < b.firstTime : a.callID < b.callID
    }
}
