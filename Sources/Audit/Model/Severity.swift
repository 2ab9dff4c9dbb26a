/// How bad a finding is. Ordered `info < warning < error`, so `--fail-on` can compare.
public enum Severity: String, Sendable, Hashable, CaseIterable, Comparable, CustomStringConvertible {
    /// Worth knowing; calls still work (e.g. `lr=on`, no ftag).
    case info
    /// Likely to break some calls or some deployments (depends on the peers or the script).
    case warning
    /// Calls break or are misrouted as captured.
    case error

    private var rank: Int {
        switch self {
        case .info: 0
        case .warning: 1
        case .error: 2
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }

    public var description: String { rawValue }
}
