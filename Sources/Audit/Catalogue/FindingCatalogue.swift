/// The explanations behind `rraudit explain`, one per finding code. The entries live in one file
/// per group (dialog set-up, in-dialog from a UA, at a proxy and capture).
public enum FindingCatalogue {
    /// The explanation of `code`. Every code has one (checked by the tests).
    public static func entry(for code: FindingCode) -> ExplainEntry {
        switch code.group {
        case .dialogSetup: dialogSetupEntry(code)
        case .inDialogFromUA: inDialogEntry(code)
        case .atProxy: atProxyEntry(code)
        case .capture: captureEntry(code)
        }
    }

    /// Every entry, in the order of `FindingCode.allCases`.
    public static var all: [ExplainEntry] { FindingCode.allCases.map(entry(for:)) }

    /// `rraudit explain --list`: one line per code with its default severity and title.
    public static func listing() -> String {
        let width = FindingCode.allCases.map(\.rawValue.count).max() ?? 0
        return FindingCode.allCases.map { code in
            let name = padded(code.rawValue, to: width)
            let severity = padded(code.defaultSeverity.rawValue, to: 7)
            return "\(name)  \(severity)  \(entry(for: code).title)"
        }.joined(separator: "\n") + "\n"
    }

    private static func padded(_ text: String, to width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - text.count))
    }

    static func captureEntry(_ code: FindingCode) -> ExplainEntry {
        ExplainEntry(
            code: code,
            title: "The capture misses messages this dialog's audit needs",
            why: """
                The audit compares what each side must have learned (the Record-Route of the \
                dialog-forming request and response) with what it later sent. When the \
                dialog-forming response, the initial request or one copy at a proxy is not in the \
                capture (capture started late, packet loss, TCP gap, truncated frame, another \
                interface), the route set and the proxies cannot be reconstructed and the checks \
                that need them are skipped for this dialog, so real defects may go unreported.
                """,
            fix: """
                Capture on every interface the proxy uses (e.g. `-i any`), start before the call, \
                use a full snap length, and for TLS capture the decrypted traffic (HEP from the \
                proxy). Look at summary.decode for truncated frames and TCP gaps.
                """,
            basis: [
                "RFC 3261 §12.1.1 / §12.1.2: the route set comes only from the dialog-forming request and response",
                "design.md: decoding problems are counted in summary.decode and reported per dialog as CAPTURE_INCOMPLETE",
            ]
        )
    }
}
