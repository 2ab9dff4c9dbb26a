import Testing
@testable import Audit

struct RequestURIRuleTests {
    @Test func requestURIIsTheToURI() throws {
        var call = CallScenario.oneProxy()
        call.establish()
        call.request("BYE", cseq: 2, fromCaller: true) { copies in
            for index in copies.indices { copies[index].requestURI = "sip:bob@b.example" }
        }
        let audit = try call.audit()
        #expect(audit.codes == [.ruriNotRemoteTarget])
        let finding = try #require(audit.findings.first)
        #expect(finding[evidence: "expected"] == .string(CallScenario.bobContact))
        #expect(finding[evidence: "observed"] == .string("sip:bob@b.example"))
    }

    /// RFC 3261 §19.1.4: case of the host and parameter order do not matter.
    @Test func equivalentURIIsFine() throws {
        var call = CallScenario.oneProxy()
        call.bobContact = "sip:bob@127.0.0.2:5062;transport=udp;ob"
        call.establish()
        call.request("BYE", cseq: 2, fromCaller: true) { copies in
            for index in copies.indices { copies[index].requestURI = "sip:bob@127.0.0.2:5062;ob;transport=UDP" }
        }
        let audit = try call.audit()
        #expect(audit.findings.isEmpty, "\(audit.findings.map(\.message))")
    }
}
