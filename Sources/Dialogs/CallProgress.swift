import Capture
import SIP

/// What the messages of one call so far say about its dialogs: just enough to tell when they
/// have all ended (dialog-forming requests and their final responses, confirmed dialogs, BYEs).
///
/// A struct, updated in place inside `CallRecord`: the record's per-message update is then one
/// access to one stored property instead of a runtime exclusivity check per set it touches.
struct CallProgress {
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

        /// The CSeq number compared first: the keys of a call mostly differ there, and it is
        /// an integer (two different Strings compare in the String runtime).
        static func == (left: InitialKey, right: InitialKey) -> Bool {
            left.cseq == right.cseq && left.method == right.method && left.fromTag == right.fromTag
        }
    }

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

    init(time: CaptureTime) {
        firstTime = time
        lastTime = time
    }

    /// Takes the next message of the call.
    mutating func note(_ facts: MessageFacts, at time: CaptureTime) {
        knownCompletion = nil
        if time > lastTime { lastTime = time }
        if facts.isRequest {
            noteRequest(facts, time)
        } else {
            noteResponse(facts, time)
        }
    }

    private mutating func noteRequest(_ facts: MessageFacts, _ time: CaptureTime) {
        guard let fromTag = facts.fromTag else { return }
        guard let toTag = facts.toTag else {
            if facts.formsDialog {
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

    private mutating func noteResponse(_ facts: MessageFacts, _ time: CaptureTime) {
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
    mutating func completionTime() -> CaptureTime? {
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
