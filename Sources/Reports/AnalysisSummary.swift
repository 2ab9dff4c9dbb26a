import Audit
import Transport

/// The totals of one run: the `summary` record of the JSON Lines contract and the text footer.
public struct AnalysisSummary: Sendable, Equatable {
    /// A message that reached the SIP stage but did not parse.
    public struct MalformedMessage: Sendable, Equatable {
        public var fileIndex: Int
        public var frame: Int
        /// The parser's reason, e.g. `malformedHeader at byte 57: ...`.
        public var reason: String

        public init(fileIndex: Int, frame: Int, reason: String) {
            self.fileIndex = fileIndex
            self.frame = frame
            self.reason = reason
        }
    }

    public var files: Int
    public var frames = 0
    /// SIP messages Transport delivered (parsed or not).
    public var sipMessages = 0
    public var dialogs = 0
    /// Findings per code.
    public var findings: [FindingCode: Int] = [:]
    /// Findings per severity.
    public var severities: [Severity: Int] = [:]
    /// Decode problems per kind, Transport's plus SIP parse failures under `malformed_sip`.
    public var decode: [DecodeProblemKind: Int] = [:]
    /// The SIP parse failures (the first `malformedLimit` of them), for `decode.malformed_sip_frames`.
    public var malformedMessages: [MalformedMessage] = []
    /// Out-of-dialog messages (OPTIONS, REGISTER, ...) counted and dropped.
    public var nonDialogMessages = 0
    /// Messages without Call-ID, CSeq, From, To or a parseable Via: they cannot join a dialog.
    public var unusableMessages = 0
    /// Most calls held open at once.
    public var peakOpenCalls = 0

    /// How many parse failures are listed by frame (all are counted).
    public static let malformedLimit = 100

    public init(files: Int) { self.files = files }

    /// Counts one finding.
    public mutating func count(_ finding: Finding) {
        findings[finding.code, default: 0] += 1
        severities[finding.severity, default: 0] += 1
    }

    /// Findings at or above `severity`.
    public func findings(atLeast severity: Severity) -> Int {
        severities.filter { $0.key >= severity }.values.reduce(0, +)
    }
}
