import Audit
import Capture
import Dialogs
import SIP
import Transport

/// The analysis after Transport: SIP payloads in, audited dialogs out, as they end.
///
/// `SIPPayload` → `SIPParser` → `DialogTracker` → `Auditor`. Streaming: each dialog is handed to
/// `emit` when the tracker reports it, so memory follows open dialogs, not input length. A payload
/// that does not parse is counted under `malformed_sip` with its frame, and work goes on.
public struct Analysis: Sendable {
    /// What the command line configures.
    public struct Options: Sendable {
        /// `--proxy`: addresses to treat as proxies.
        public var declaredProxies: [Endpoint]
        /// `--check-route-param`: POSIX ERE regexes evaluated at each proxy.
        public var checkRouteParams: [String]
        /// `--dialog-timeout`: seconds of capture time without a message before a dialog expires.
        public var dialogTimeout: Double

        public init(declaredProxies: [Endpoint] = [], checkRouteParams: [String] = [], dialogTimeout: Double = 3600) {
            self.declaredProxies = declaredProxies
            self.checkRouteParams = checkRouteParams
            self.dialogTimeout = dialogTimeout
        }
    }

    /// Totals so far (complete after `finish`).
    public private(set) var summary: AnalysisSummary
    private var tracker: DialogTracker
    private let auditor: Auditor
    private var parseFailures = 0

    /// - Throws: `Auditor.InvalidRegex` when a `--check-route-param` regex does not compile.
    public init(files: Int, options: Options = Options()) throws(Auditor.InvalidRegex) {
        summary = AnalysisSummary(files: files)
        tracker = DialogTracker(configuration: .init(declaredProxies: options.declaredProxies,
                                                     dialogTimeout: options.dialogTimeout))
        auditor = try Auditor(checkRouteParams: options.checkRouteParams,
                              declaredProxies: options.declaredProxies.map { TransportAddress($0, .udp) })
    }

    /// Takes the next SIP payload in capture order.
    public mutating func ingest(_ payload: SIPPayload, emit: (DialogAudit) -> Void) {
        let message: SIPMessage
        do {
            message = try SIPParser.parse(payload.bytes)
        } catch {
            parseFailures += 1
            noteMalformed(fileIndex: payload.fileIndex, frame: payload.frame, reason: error.description)
            return
        }
        let observed = ObservedMessage(message: message, flow: payload.flow, time: payload.time,
                                       frames: Array(payload.frames), fileIndex: payload.fileIndex)
        var ended: [Dialog] = []
        tracker.ingest(observed) { ended.append($0) }
        for dialog in ended { emit(audit(dialog)) }
    }

    /// Reports what ended or expired by capture time `now` although no message came: a live
    /// capture calls it while traffic pauses, so dialogs are printed when they end.
    public mutating func expire(now: CaptureTime, emit: (DialogAudit) -> Void) {
        var ended: [Dialog] = []
        tracker.expire(now: now) { ended.append($0) }
        for dialog in ended { emit(audit(dialog)) }
    }

    /// Counts a decode problem Transport reported; SIP framing failures are listed by frame.
    public mutating func note(_ problem: DecodeProblem) {
        if problem.kind == .malformedSIP {
            noteMalformed(fileIndex: problem.fileIndex, frame: problem.frame, reason: problem.detail)
        }
    }

    /// Reports every dialog still open and completes the summary with Transport's counters.
    public mutating func finish(decode statistics: DecodeStatistics, emit: (DialogAudit) -> Void) {
        var ended: [Dialog] = []
        tracker.finish { ended.append($0) }
        for dialog in ended { emit(audit(dialog)) }
        summary.frames = statistics.frames
        summary.sipMessages = statistics.sipMessages
        summary.decode = statistics.problems
        summary.decode[.malformedSIP, default: 0] += parseFailures
        summary.nonDialogMessages = tracker.statistics.nonDialogMessages
        summary.unusableMessages = tracker.statistics.unusableMessages
        summary.peakOpenCalls = tracker.statistics.peakOpenCalls
        summary.malformedMessages.sort { ($0.fileIndex, $0.frame) < ($1.fileIndex, $1.frame) }
    }

    /// The tracker's counters so far.
    public var dialogStatistics: DialogStatistics { tracker.statistics }

    private mutating func audit(_ dialog: Dialog) -> DialogAudit {
        let audit = auditor.audit(dialog)
        summary.dialogs += 1
        for finding in audit.findings { summary.count(finding) }
        return audit
    }

    private mutating func noteMalformed(fileIndex: Int, frame: Int, reason: String) {
        guard summary.malformedMessages.count < AnalysisSummary.malformedLimit else { return }
        summary.malformedMessages.append(.init(fileIndex: fileIndex, frame: frame, reason: reason))
    }
}

extension Analysis {
    /// Runs every payload of a decode pipeline through the analysis, then finishes it: the whole
    /// of `rraudit analyze` between opening the files and printing the summary.
    public mutating func run(_ pipeline: DecodePipeline, emit: (DialogAudit) -> Void,
                             problem: (DecodeProblem) -> Void = { _ in }) {
        pipeline.run(emit: { payload in
            ingest(payload, emit: emit)
        }, problem: { decodeProblem in
            note(decodeProblem)
            problem(decodeProblem)
        })
        finish(decode: pipeline.statistics, emit: emit)
    }
}
