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
    public internal(set) var summary: AnalysisSummary
    /// Parsing and dialog tracking (internal: `runConcurrently` lends it to its tracking turns).
    var collection: DialogCollection
    /// The rules (internal: `runConcurrently` lends copies to the threads that audit).
    let auditor: Auditor

    /// - Throws: `Auditor.InvalidRegex` when a `--check-route-param` regex does not compile.
    public init(files: Int, options: Options = Options()) throws(Auditor.InvalidRegex) {
        summary = AnalysisSummary(files: files)
        collection = DialogCollection(configuration: .init(declaredProxies: options.declaredProxies,
                                                           dialogTimeout: options.dialogTimeout))
        auditor = try Auditor(checkRouteParams: options.checkRouteParams,
                              declaredProxies: options.declaredProxies.map { TransportAddress($0, .udp) })
    }

    /// Takes the next SIP payload in capture order.
    public mutating func ingest(_ payload: SIPPayload, emit: (DialogAudit) -> Void) {
        var ended: [EndedCall] = []
        collection.ingest(payload) { ended.append($0) }
        for call in ended { audit(call, emit: emit) }
    }

    /// Reports what ended or expired by capture time `now` although no message came: a live
    /// capture calls it while traffic pauses, so dialogs are printed when they end.
    public mutating func expire(now: CaptureTime, emit: (DialogAudit) -> Void) {
        var ended: [EndedCall] = []
        collection.expire(now: now) { ended.append($0) }
        for call in ended { audit(call, emit: emit) }
    }

    /// Counts a decode problem Transport reported; SIP framing failures are listed by frame.
    public mutating func note(_ problem: DecodeProblem) {
        collection.note(problem)
    }

    /// Reports every dialog still open and completes the summary with Transport's counters.
    public mutating func finish(decode statistics: DecodeStatistics, emit: (DialogAudit) -> Void) {
        var ended: [EndedCall] = []
        collection.finish { ended.append($0) }
        for call in ended { audit(call, emit: emit) }
        collection.complete(&summary, decode: statistics)
    }

    /// The tracker's counters so far.
    public var dialogStatistics: DialogStatistics { collection.tracker.statistics }

    /// Assembles an ended call's dialogs, audits each, counts it and its findings, and hands it to
    /// `emit`.
    mutating func audit(_ call: EndedCall, emit: (DialogAudit) -> Void) {
        audit(call.dialogs(), emit: emit)
    }

    /// Audits dialogs, counts them and their findings, and hands each to `emit`.
    mutating func audit(_ dialogs: [Dialog], emit: (DialogAudit) -> Void) {
        for dialog in dialogs { record(auditor.audit(dialog), emit: emit) }
    }

    /// Counts an audited dialog and its findings, and hands it to `emit`.
    mutating func record(_ audit: DialogAudit, emit: (DialogAudit) -> Void) {
        countDialog(findings: audit.findings)
        emit(audit)
    }

    /// Counts one audited dialog with its findings.
    mutating func countDialog(findings: [Finding]) {
        summary.dialogs += 1
        for finding in findings { summary.count(finding) }
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
