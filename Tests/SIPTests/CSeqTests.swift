import Testing
@testable import SIP

@Suite struct CSeqTests {
    @Test func parses() throws {
        #expect(try CSeq(parsing: "0009 INVITE") == CSeq(number: 9, method: .invite))
        #expect(try CSeq(parsing: " 4294967295\t NEWMETHOD ") == CSeq(number: 4_294_967_295, method: SIPMethod(rawValue: "NEWMETHOD")))
        #expect(try CSeq(parsing: "1 REGISTER").description == "1 REGISTER")
    }

    @Test(arguments: ["", "INVITE", "101", "4294967296 INVITE", "36893488147419103232 INVITE", "1 INVITE extra", "-1 INVITE"])
    func rejects(text: String) {
        #expect(parseError { () throws(SIPParseError) in _ = try CSeq(parsing: text) }?.kind == .malformedCSeq)
    }
}
