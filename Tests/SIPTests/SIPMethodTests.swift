import Testing
@testable import SIP

@Suite struct SIPMethodTests {
    static let standard: [SIPMethod] = [.invite, .ack, .bye, .cancel, .options, .register, .prack, .subscribe, .notify,
                                        .publish, .info, .refer, .message, .update]

    @Test func everyStandardMethodHasItsOwnCodeBothWays() {
        for (index, method) in Self.standard.enumerated() {
            let code = Array(method.rawValue.utf8).withUnsafeBufferPointer { SIPMethod.code($0, 0..<$0.count) }
            #expect(code == UInt8(index + 1) && SIPMethod.standard(code: code) == method, "\(method)")
        }
        #expect(SIPMethod.standard(code: 0) == nil && SIPMethod.standard(code: 15) == nil)
        #expect(SIPMethod.standard(code: SIPMessage.otherMethod) == nil)
    }

    @Test func methodsAreCaseSensitiveAndOthersKeepTheirToken() {
        for token in ["invite", "Invite", "INVITES", "FOO.BAR-1", "NOTIFYX"] {
            let code = Array(token.utf8).withUnsafeBufferPointer { SIPMethod.code($0, 0..<$0.count) }
            let method = Array(token.utf8).withUnsafeBufferPointer { SIPMethod.from($0, 0..<$0.count) }
            #expect(code == 0 && method.rawValue == token, "\(token)")
        }
    }

    @Test func parsedRequestsKeepTheirMethodAndResponsesHaveNone() throws {
        for method in Self.standard + [SIPMethod(rawValue: "FOO.BAR-1"), SIPMethod(rawValue: "invite")] {
            let m = try SIPParser.parse(message(["\(method.rawValue) sip:a@example.com SIP/2.0", "CSeq: 1 \(method.rawValue)"]))
            #expect(m.isRequest && m.method == method && m.statusCode == nil && m.reasonPhrase == nil)
            #expect(m.startLine == .request(method: method, requestURI: "sip:a@example.com"))
        }
        let response = try SIPParser.parse(message(["SIP/2.0 200 OK", "CSeq: 1 FOO"]))
        #expect(!response.isRequest && response.method == SIPMethod(rawValue: "FOO") && response.requestURI == nil)
        #expect(response.startLine == .response(statusCode: 200, reasonPhrase: "OK"))
    }
}
