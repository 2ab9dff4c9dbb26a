import Dialogs

/// The audit of one dialog: the dialog itself, every in-dialog request copy with what the proxies
/// would do with it, and the findings (the `dialog` and `finding` lines of the JSON Lines contract).
public struct DialogAudit: Sendable {
    public var dialog: Dialog
    /// One per observed copy of each request in `dialog.requests`, in request then path order.
    public var requests: [RequestAudit]
    /// Sorted by frame, then code.
    public var findings: [Finding]
    /// The names (`ip:port/transport`) of the proxies evaluations refer to: those of
    /// `dialog.proxies` in order, then `--proxy` addresses no captured hop revealed.
    public var proxyNames: [String]

    public init(dialog: Dialog, requests: [RequestAudit], findings: [Finding], proxyNames: [String]) {
        self.dialog = dialog
        self.requests = requests
        self.findings = findings
        self.proxyNames = proxyNames
    }

    /// The distinct codes found, in order of first appearance (the dialog line's `findings`).
    public var findingCodes: [FindingCode] {
        var seen = Set<FindingCode>()
        return findings.map(\.code).filter { seen.insert($0).inserted }
    }
}
