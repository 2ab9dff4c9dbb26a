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
    /// One message and its facts. A class: assembly passes entries around a lot, and copying one
    /// is then a single retain instead of one per String and array it holds.
    final class Entry: Sendable {
        let observed: ObservedMessage
        let facts: MessageFacts

        init(observed: ObservedMessage, facts: MessageFacts) {
            self.observed = observed
            self.facts = facts
        }

        /// Reads the message's facts into the entry; nil when the message lacks what a dialog
        /// needs (see `MessageFacts.init`).
        init?(observed: ObservedMessage) {
            guard let facts = MessageFacts(observed.message) else { return nil }
            self.observed = observed
            self.facts = consume facts
        }
    }

    /// An unordered pair of tags: a dialog whichever side sent the request.
    struct TagPair: Hashable, Sendable {
        var low: String
        var high: String
        init(_ a: String, _ b: String) {
            (low, high) = a <= b ? (a, b) : (b, a)
        }
    }

    /// A dialog-forming request (From tag, CSeq, method) awaiting its final response.
    struct InitialKey: Hashable, Sendable {
        var fromTag: String
        var cseq: UInt32
        var method: SIPMethod
    }

    /// The Call-ID, with the hash the tracker's tables use.
    let key: CallKey
    /// The Call-ID, made a String once per call.
    let callID: String
    /// Whether the tracker has queued the call for its next sweep (tracker bookkeeping).
    var isAwaitingSweep = false
    private(set) var entries: [Entry] = []
    private(set) var firstTime: CaptureTime
    private(set) var lastTime: CaptureTime

    // Small sets and maps: a call has a few dialogs, and these are updated on every message.
    private var pendingInitial = SmallSet<InitialKey>()
    /// Every dialog-forming request seen, answered or not.
    private var initialKeys = SmallSet<InitialKey>()
    private var initialFromTags = SmallSet<String>()
    /// BYE and terminating NOTIFY requests: their final response ends the dialog.
    private var terminating = SmallMap<InitialKey, TagPair>()
    private var confirmed = SmallSet<TagPair>()
    /// When each confirmed dialog ended (BYE answered, subscription terminated).
    private var ended = SmallMap<TagPair, CaptureTime>()
    private var lastFinalResponse: CaptureTime?
    /// `completionTime` as last computed; nil (not `.some(nil)`) when a message came since.
    private var knownCompletion: CaptureTime??

    /// How long an unanswered BYE keeps the dialog open for its response (64 × T1, RFC 3261 17.1.2.2).
    static let unansweredByeWait = 32.0
    /// How long a call challenged with 401/407 waits for the authenticated retry.
    static let challengeWait = 32.0

    init(key: CallKey, time: CaptureTime) {
        self.key = key
        callID = key.callID
        firstTime = time
        lastTime = time
    }

    func append(_ entry: Entry) {
        entries.append(entry)
        knownCompletion = nil
        let time = entry.observed.time
        if time > lastTime { lastTime = time }
        if entry.facts.isRequest {
            noteRequest(entry.facts, time)
        } else {
            noteResponse(entry.facts, time)
        }
    }

    private func noteRequest(_ facts: MessageFacts, _ time: CaptureTime) {
        guard let fromTag = facts.fromTag else { return }
        guard let toTag = facts.toTag else {
            if DialogAssembler.formsDialog(facts.method) {
                let key = InitialKey(fromTag: fromTag, cseq: facts.cseq, method: facts.method)
                pendingInitial.insert(key)
                initialKeys.insert(key)
                initialFromTags.insert(fromTag)
            }
            return
        }
        let pair = TagPair(fromTag, toTag)
        if facts.method == .notify && initialFromTags.contains(toTag) {
            // RFC 6665 4.1.2.4: a NOTIFY may establish the subscription dialog before the 2xx.
            confirmed.insert(pair)
        } else if !initialFromTags.contains(fromTag) && !initialFromTags.contains(toTag)
                    && facts.method != .cancel && facts.method != .ack {
            // The capture began inside this dialog: it exists, and must end like any other.
            confirmed.insert(pair)
        }
        if facts.method == .bye || facts.subscriptionTerminated {
            if ended[pair] == nil { ended[pair] = time.adding(seconds: Self.unansweredByeWait) }
            terminating[InitialKey(fromTag: fromTag, cseq: facts.cseq, method: facts.method)] = pair
        }
    }

    private func noteResponse(_ facts: MessageFacts, _ time: CaptureTime) {
        guard let code = facts.statusCode, code >= 200, let fromTag = facts.fromTag else { return }
        let key = InitialKey(fromTag: fromTag, cseq: facts.cseq, method: facts.method)
        if initialKeys.contains(key) {
            // A forked request can get several final responses: each 2xx confirms one dialog.
            pendingInitial.remove(key)
            // After a 401/407 challenge the UAC usually retries with credentials, maybe after a
            // user typed them: keep the call open a while so the retry joins it.
            lastFinalResponse = code == 401 || code == 407 ? time.adding(seconds: Self.challengeWait) : time
            if code < 300, let toTag = facts.toTag { confirmed.insert(TagPair(fromTag, toTag)) }
        } else if let pair = terminating[key] {
            ended[pair] = time
        }
    }

    /// The capture time from which every dialog of the call is over, or nil while one is open.
    ///
    /// Kept until the next message: each sweep asks again for every call lingering after its end,
    /// and the answer only changes with a message.
    var completionTime: CaptureTime? {
        if let known = knownCompletion { return known }
        let time = computeCompletionTime()
        knownCompletion = .some(time)
        return time
    }

    private func computeCompletionTime() -> CaptureTime? {
        guard pendingInitial.isEmpty else { return nil }
        var latest = lastFinalResponse ?? firstTime
        let allEnded = confirmed.allSatisfy { pair in
            guard let end = ended[pair] else { return false }
            if end > latest { latest = end }
            return true
        }
        guard allEnded else { return nil }
        if confirmed.isEmpty && lastFinalResponse == nil && initialFromTags.isEmpty {
            // Only stray CANCEL/ACK or responses: nothing stays open.
            latest = lastTime
        }
        return latest
    }
}
