/// CAPTURE_INCOMPLETE: the route set comes only from the dialog-forming request and response
/// (RFC 3261 §12.1.1, §12.1.2). When in-dialog requests were captured but either of those was
/// not, the route-set rules cannot judge the dialog, and the report says so instead of staying
/// silent. An initial request answered only with other To tags is not a capture gap (the
/// in-dialog request then carries a tag no response gave).
struct CaptureCompletenessRule: AuditRule {
    var codes: [FindingCode] { [.captureIncomplete] }

    func findings(in context: AuditContext) -> [Finding] {
        // An index loop: `first(where:)` copied every request it looked at (copies, hops, responses).
        var firstIndex: Int?
        for index in context.dialog.requests.indices where context.dialog.requests[index].role == .inDialog {
            firstIndex = index
            break
        }
        guard let firstIndex else { return [] }
        let missing: String
        if context.dialog.initialRequest == nil {
            missing = "dialog-forming request"
        } else if context.formingResponses.isEmpty && context.dialog.initialRequest?.finalStatus == nil {
            missing = "dialog-forming response"
        } else {
            return []
        }
        let first = context.dialog.requests[firstIndex]
        return [context.finding(
            .captureIncomplete, frame: first.firstFrame,
            message: "\(first.method) seen but the \(missing) is not in the capture: route set unknown",
            evidence: [EvidenceEntry("missing", .string(missing)),
                       EvidenceEntry("in_dialog_requests", .int(context.inDialogRequests.count))])]
    }
}
