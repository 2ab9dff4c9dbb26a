import Audit

/// What `rraudit batch` learned about one capture file: its analysis totals, or why it could not
/// be read, and the per-file reports written for it.
public struct BatchFileResult: Sendable, Equatable {
    /// The path as found (given on the command line or discovered under a directory).
    public var path: String
    /// The analysis totals; nil when the file could not be opened at all.
    public var summary: AnalysisSummary?
    /// Why the file could not be read, or where reading stopped (truncated or corrupt file: what
    /// came before was analysed); nil when it was read to the end.
    public var error: String?
    /// Reports written for this file in `--output-dir`, names relative to that directory.
    public var reports: [String]

    public init(path: String, summary: AnalysisSummary?, error: String?, reports: [String] = []) {
        self.path = path
        self.summary = summary
        self.error = error
        self.reports = reports
    }

    /// True when nothing of the file could be analysed.
    public var failed: Bool {
        guard let summary else { return true }
        return error != nil && summary.frames == 0
    }

    /// Findings at `severity`.
    public func findings(_ severity: Severity) -> Int { summary?.severities[severity, default: 0] ?? 0 }

    /// Orders files worst first: more errors, then warnings, then info findings.
    public static func isWorse(_ lhs: BatchFileResult, than rhs: BatchFileResult) -> Bool {
        let left = (lhs.findings(.error), lhs.findings(.warning), lhs.findings(.info))
        let right = (rhs.findings(.error), rhs.findings(.warning), rhs.findings(.info))
        return left != right ? left > right : lhs.path < rhs.path
    }
}
