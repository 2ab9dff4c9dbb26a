import Testing
@testable import SIP

@Suite struct CSeqTests {
    @Test func parses() throws {
        #expect(try CSeq(parsing: "0009 INVITE") == CSeq(number: 9, method: .invite))
        #expect(try CSeq(parsing: " 4294967295\t NEWMETHOD ") == CSeq(number: 4_294_967_295, method: SIPMethod(rawValue: "NEWMETHOD")))
        #expect(try CSeq(parsing: "1 REGISTER").description == "1 REGISTER")
    }

    @Test func plainAndNearPlainValuesReadTheSame() throws {
        // Nine digits and one SP take the one-pass read; ten digits, more blanks or a bad method
        // the full one.
        #expect(try CSeq(parsing: "123456789 BYE") == CSeq(number: 123_456_789, method: .bye))
        #expect(try CSeq(parsing: "1234567890 BYE") == CSeq(number: 1_234_567_890, method: .bye))
        #expect(try CSeq(parsing: "7  ACK") == CSeq(number: 7, method: .ack))
        #expect(try CSeq(parsing: "7\tFOO.BAR") == CSeq(number: 7, method: SIPMethod(rawValue: "FOO.BAR")))
        #expect(try CSeq(parsing: "0 x") == CSeq(number: 0, method: SIPMethod(rawValue: "x")))
        for text in ["1 INV@TE", "1 ", "1 INVITE;x", "12a INVITE"] {
            #expect(parseError { () throws(SIPParseError) in _ = try CSeq(parsing: text) }?.kind == .malformedCSeq, "\(text)")
        }
    }

    @Test(arguments: ["", "INVITE", "101", "4294967296 INVITE", "36893488147419103232 INVITE", "1 INVITE extra", "-1 INVITE"])
    func rejects(text: String) {
        #expect(parseError { () throws(SIPParseError) in _ = try CSeq(parsing: text) }?.kind == .malformedCSeq)
    }
}
