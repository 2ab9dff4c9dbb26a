import Testing
@testable import Audit

struct RecordRouteMirrorRuleTests {
    @Test func uasDropsARecordRoute() throws {
        var call = CallScenario.twoProxies()
        call.establish(mirror: { Array($0.dropFirst()) })
        let audit = try call.audit()
        let findings = audit.findings(.rrNotMirrored)
        #expect(findings.count == 1)
        let finding = try #require(findings.first)
        // The 180 bob sent is the first response that forms the dialog.
        #expect(finding.frame == 4)
        #expect(finding.message.contains("dropped <sip:127.0.0.20;lr;ftag=A;nat=yes>"))
        #expect(finding[evidence: "expected"] == .strings(["<sip:127.0.0.20;lr;ftag=A;nat=yes>", "<sip:127.0.0.10;lr;ftag=A>"]))
        #expect(finding[evidence: "observed"] == .strings(["<sip:127.0.0.10;lr;ftag=A>"]))
        #expect(finding[evidence: "frames"] == .strings(["4", "7"]))
    }

    @Test func uasReordersTheRecordRoute() throws {
        var call = CallScenario.twoProxies()
        call.establish(mirror: { $0.reversed() })
        let finding = try #require(try call.audit().findings(.rrNotMirrored).first)
        #expect(finding.message.contains("reordered"))
    }

    @Test func uasAltersAParameter() throws {
        var call = CallScenario.oneProxy()
        call.establish(mirror: { _ in ["<sip:127.0.0.10;lr>"] })
        let finding = try #require(try call.audit().findings(.rrNotMirrored).first)
        #expect(finding.message.contains("altered <sip:127.0.0.10;lr;ftag=A> to <sip:127.0.0.10;lr>"))
    }
}
