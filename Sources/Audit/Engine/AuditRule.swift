/// One check of design.md's finding list. Each rule lives in its own file under `Rules/`, reads
/// the dialog through `AuditContext` and returns its findings; rules never see each other.
protocol AuditRule: Sendable {
    /// The codes this rule can emit (documentation and tests).
    var codes: [FindingCode] { get }
    func findings(in context: AuditContext) -> [Finding]
}
