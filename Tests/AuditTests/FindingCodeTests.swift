import Testing
@testable import Audit

struct FindingCodeTests {
    /// The codes of design.md "Finding codes", which reports and users rely on.
    @Test func designCodesAreAllPresent() {
        let design = """
            RR_NO_LR RR_LR_ON RR_NOT_MIRRORED RR_CHANGED_IN_TRANSIT RR_R2_UNPAIRED RR_DOUBLE_MISSING \
            RR_IPV6_UNBRACKETED RR_UNPARSEABLE FTAG_ABSENT FTAG_NOT_INITIATOR PRELOADED_ROUTE \
            ROUTE_MISSING ROUTE_SET_MISMATCH ROUTE_NOT_REVERSED ROUTE_PARAMS_CHANGED STRICT_ROUTING \
            RURI_NOT_REMOTE_TARGET PROXY_BYPASSED FTAG_MISMATCH FTAG_MISSING DIRECTION_MISJUDGED \
            CANCEL_ROUTE_MISMATCH ACK_ROUTE_MISMATCH PROXY_NOT_POPPED PROXY_POPPED_FOREIGN \
            NEXT_HOP_WRONG STRICT_NEXT_HOP_NOT_HANDLED RURI_IS_PROXY LOOSE_ROUTE_FAILED CAPTURE_INCOMPLETE
            """.split(separator: " ").map(String.init)
        #expect(Set(design) == Set(FindingCode.allCases.map(\.rawValue)))
        #expect(design.count == FindingCode.allCases.count)
    }

    @Test func infoCodesAreTheDesignOnes() {
        let info = FindingCode.allCases.filter { $0.defaultSeverity == .info }
        #expect(Set(info) == [.rrLROn, .ftagAbsent, .preloadedRoute])
    }

    @Test func parsesCaseInsensitively() {
        #expect(FindingCode(code: "rr_no_lr") == .rrNoLR)
        #expect(FindingCode(code: "ROUTE_MISSING") == .routeMissing)
        #expect(FindingCode(code: "NO_SUCH_CODE") == nil)
    }

    @Test func severityOrder() {
        #expect(Severity.info < .warning)
        #expect(Severity.warning < .error)
        #expect(Severity.allCases.max() == .error)
    }

    @Test func findingMessageIsOneLine() {
        let finding = Finding(code: .routeMissing, fileIndex: 0, callID: "c1", frame: 7,
                              message: "BYE from\r\ncallee has no Route", evidence: [EvidenceEntry("expected", ["<sip:a;lr>"])])
        #expect(finding.message == "BYE from callee has no Route")
        #expect(finding.severity == .error)
        #expect(finding[evidence: "expected"] == .strings(["<sip:a;lr>"]))
        #expect(finding[evidence: "observed"] == nil)
    }
}
