import Capture
import Dialogs
import SIP
import Transport

/// The half of `Analysis` before the audit: SIP payloads in, ended calls out.
///
/// `SIPPayload` → `SIPParser` → `DialogTracker`; the ended calls' dialogs are assembled by the
/// other half (`EndedCall.dialogs()`). A payload that does not parse is counted under
/// `malformed_sip` with its frame, and work goes on. Kept apart from the audit so that
/// `Analysis.runConcurrently` can run it on its own thread.
struct DialogCollection: Sendable {
    private(set) var tracker: DialogTracker
    private(set) var parseFailures = 0
    /// The first `AnalysisSummary.malformedLimit` messages that did not parse or frame.
    private(set) var malformedMessages: [AnalysisSummary.MalformedMessage] = []

    init(configuration: DialogTracker.Configuration) {
        tracker = DialogTracker(configuration: configuration)
    }

    /// What reading one payload gave: a message for the tracker, or why it is no SIP message.
    enum ReadPayload: Sendable {
        case message(PreparedMessage)
        case malformed(AnalysisSummary.MalformedMessage)
    }

    /// Takes the next SIP payload in capture order; `emit` receives every call that ended by now.
    mutating func ingest(_ payload: SIPPayload, emit: (EndedCall) -> Void) {
        track(Self.read(payload), emit: emit)
    }

    /// Parses a payload and reads what tracking needs: no state involved, so it can run ahead of
    /// `track` on another thread.
    static func read(_ payload: SIPPayload) -> ReadPayload {
        let message: SIPMessage
        do {
            message = try SIPParser.parse(payload.bytes)
        } catch {
            return .malformed(.init(fileIndex: payload.fileIndex, frame: payload.frame, reason: error.description))
        }
        return .message(PreparedMessage(ObservedMessage(message: message, flow: payload.flow, time: payload.time,
                                                        frames: Array(payload.frames), fileIndex: payload.fileIndex)))
    }

    /// Takes the next read payload in capture order; `emit` receives every call that ended by now.
    mutating func track(_ read: ReadPayload, emit: (EndedCall) -> Void) {
        switch read {
        case .message(let prepared):
            tracker.track(prepared, ended: emit)
        case .malformed(let malformed):
            parseFailures += 1
            noteMalformed(fileIndex: malformed.fileIndex, frame: malformed.frame, reason: malformed.reason)
        }
    }

    /// Reports what ended or expired by capture time `now`.
    mutating func expire(now: CaptureTime, emit: (EndedCall) -> Void) {
        tracker.expireCalls(now: now, ended: emit)
    }

    /// Counts a decode problem Transport reported; SIP framing failures are listed by frame.
    mutating func note(_ problem: DecodeProblem) {
        if problem.kind == .malformedSIP {
            noteMalformed(fileIndex: problem.fileIndex, frame: problem.frame, reason: problem.detail)
        }
    }

    /// Reports every dialog still open, as input has ended.
    mutating func finish(emit: (EndedCall) -> Void) {
        tracker.finishCalls(ended: emit)
    }

    /// Completes `summary` with this half's counters and Transport's.
    func complete(_ summary: inout AnalysisSummary, decode statistics: DecodeStatistics) {
        summary.frames = statistics.frames
        summary.sipMessages = statistics.sipMessages
        summary.decode = statistics.problems
        summary.decode[.malformedSIP, default: 0] += parseFailures
        summary.malformedMessages = malformedMessages.sorted { ($0.fileIndex, $0.frame) < ($1.fileIndex, $1.frame) }
        summary.nonDialogMessages = tracker.statistics.nonDialogMessages
        summary.unusableMessages = tracker.statistics.unusableMessages
        summary.peakOpenCalls = tracker.statistics.peakOpenCalls
    }

    private mutating func noteMalformed(fileIndex: Int, frame: Int, reason: String) {
        guard malformedMessages.count < AnalysisSummary.malformedLimit else { return }
        malformedMessages.append(.init(fileIndex: fileIndex, frame: frame, reason: reason))
    }
}
