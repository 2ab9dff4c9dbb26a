@testable import Dialogs
import SIP
import Testing

private func facts(_ lines: [String]) throws -> MessageFacts? {
    MessageFacts.of(try SIPParser.parse(Array((lines.joined(separator: "\r\n") + "\r\n\r\n").utf8)))
}

@Test func factsOfARequestAndOfAResponse() throws {
    let notify = try #require(try facts([
        "NOTIFY sip:a@a SIP/2.0", "Via: SIP/2.0/UDP p;branch=z9hG4bK2, SIP/2.0/UDP a;branch=z9hG4bK1",
        "From: <sip:b@b>;tag=B", "To: \"A\" <sip:a@a>;tag=A", "Call-ID: c1", "CSeq: 7 NOTIFY",
        "Subscription-State: Terminated;reason=timeout", "Content-Length: 0",
    ]))
    #expect(notify.isRequest && notify.method == .notify && notify.statusCode == nil)
    #expect(notify.callID == "c1" && notify.cseq == 7 && notify.fromTag == "B" && notify.toTag == "A")
    #expect(notify.topVia.branch == "z9hG4bK2" && notify.topVia.sentBy == "p" && notify.viaCount == 2)
    #expect(notify.secondVia?.branch == "z9hG4bK1" && notify.secondVia?.sentBy == "a")
    #expect(notify.subscriptionTerminated)

    let ok = try #require(try facts([
        "SIP/2.0 200 OK", "Via: SIP/2.0/UDP a;branch=z9hG4bK1", "From: <sip:a@a>;tag=A", "To: <sip:b@b>",
        "Call-ID: c2", "CSeq: 1 INVITE", "Contact: <sip:b@10.0.0.2>", "Content-Length: 0",
    ]))
    #expect(!ok.isRequest && ok.method == .invite && ok.statusCode == 200 && ok.toTag == nil)
    #expect(ok.viaCount == 1 && ok.secondVia == nil)
    #expect(!ok.subscriptionTerminated)
}

@Test func tagsAndURIsOfFoldedFromAndToAreRead() throws {
    let lines = [
        "BYE sip:b@b SIP/2.0", "Via: SIP/2.0/UDP a;branch=z9hG4bK1", "From: <sip:a@a>", " ;tag=A",
        "To: \"B\"", "\t<sip:b@b>;tag=B", "Call-ID: c3", "CSeq: 2 BYE", "Content-Length: 0",
    ]
    let bye = try #require(try facts(lines))
    #expect(bye.fromTag == "A" && bye.toTag == "B")
    let message = try SIPParser.parse(Array((lines.joined(separator: "\r\n") + "\r\n\r\n").utf8))
    #expect(MessageFacts.fromURI(of: message) == "sip:a@a" && MessageFacts.toURI(of: message) == "sip:b@b")
}

@Test func aMessageWithoutViaOrCallIDHasNoFacts() throws {
    let common = ["From: <sip:a@a>;tag=A", "To: <sip:b@b>", "CSeq: 1 INVITE", "Content-Length: 0"]
    #expect(try facts(["INVITE sip:b@b SIP/2.0", "Call-ID: c"] + common) == nil)
    #expect(try facts(["INVITE sip:b@b SIP/2.0", "Via: SIP/2.0/UDP a;branch=z9hG4bK1"] + common) == nil)
}

@Test(arguments: ["INVITE", "ACK", "BYE", "CANCEL", "OPTIONS", "FOO"])
func methodHashIsTheHashOfTheMethodName(method: String) throws {
    let request = try #require(try facts([
        "\(method) sip:b@b SIP/2.0", "Via: SIP/2.0/UDP a;branch=z9hG4bK1", "From: <sip:a@a>;tag=A", "To: <sip:b@b>",
        "Call-ID: c3", "CSeq: 1 \(method)", "Content-Length: 0",
    ]))
    #expect(request.method.rawValue == method)
    #expect(request.methodHash == KeyHash.string(method))
}
