import Testing
@testable import Audit

struct R2PairRuleTests {
    @Test func onlyOneOfTwoValuesCarriesR2() throws {
        var call = CallScenario.oneProxy(recordRoute: ["<sip:127.0.0.10;transport=tcp;r2=on;lr;ftag=A>",
                                                       "<sip:127.0.0.10;lr;ftag=A>"])
        call.establish()
        let audit = try call.audit()
        let finding = try #require(audit.findings(.rrR2Unpaired).first)
        #expect(finding[evidence: "r2_values"] == .int(1))
        // The ACK's first entry lacks r2, so loose_route pops only it and sends the request to the
        // proxy's own second entry (rr-spec §6 #13); the test proxy sent it to bob instead.
        let loop = try #require(audit.findings(.nextHopWrong).first)
        #expect(loop[evidence: "expected_next_hop"] == .string("sip:127.0.0.10;transport=tcp;r2=on;lr;ftag=A"))
        #expect(audit.codes == [.rrR2Unpaired, .nextHopWrong])
    }

    @Test func singleValueWithR2() throws {
        var call = CallScenario.oneProxy(recordRoute: ["<sip:127.0.0.10;r2=on;lr;ftag=A>"])
        call.establish()
        #expect(try call.audit().codes == [.rrR2Unpaired])
    }

    @Test func properPairIsFine() throws {
        var call = CallScenario.oneProxy(recordRoute: ["<sip:127.0.0.10;transport=tcp;r2=on;lr;ftag=A>",
                                                       "<sip:127.0.0.10;r2=on;lr;ftag=A>"])
        call.establish()
        call.request("BYE", cseq: 2, fromCaller: true)
        let audit = try call.audit()
        #expect(audit.findings.isEmpty, "\(audit.findings.map(\.message))")
    }
}
