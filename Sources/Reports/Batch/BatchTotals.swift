import Audit
import Transport

/// The totals of a batch over every file (the `batch_summary` record and the index footers).
public struct BatchTotals: Sendable, Equatable {
    public var files = 0
    /// Files nothing could be analysed of.
    public var failedFiles = 0
    /// Files read only in part (truncated or corrupt after some frames).
    public var partialFiles = 0
    public var frames = 0
    public var sipMessages = 0
    public var dialogs = 0
    public var findings: [FindingCode: Int] = [:]
    public var severities: [Severity: Int] = [:]
    public var decode: [DecodeProblemKind: Int] = [:]
    /// The files with findings, worst first (at most `worstLimit`).
    public var worst: [BatchFileResult] = []

    /// How many files `worst` lists.
    public static let worstLimit = 10

    public init(_ results: [BatchFileResult]) {
        files = results.count
        for result in results {
            if result.failed { failedFiles += 1 } else if result.error != nil { partialFiles += 1 }
            guard let summary = result.summary else { continue }
            frames += summary.frames
            sipMessages += summary.sipMessages
            dialogs += summary.dialogs
            for (code, count) in summary.findings { findings[code, default: 0] += count }
            for (severity, count) in summary.severities { severities[severity, default: 0] += count }
            for (kind, count) in summary.decode { decode[kind, default: 0] += count }
        }
        worst = Array(results.filter { ($0.summary?.severities.values.reduce(0, +) ?? 0) > 0 }
            .sorted(by: BatchFileResult.isWorse).prefix(Self.worstLimit))
    }

    /// Findings at or above `severity`, over all files.
    public func findings(atLeast severity: Severity) -> Int {
        severities.filter { $0.key >= severity }.values.reduce(0, +)
    }
}
