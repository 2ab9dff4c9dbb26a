@testable import Dialogs
import SIP
import Testing

private func message(callID: [String]) throws -> SIPMessage {
    let lines = ["OPTIONS sip:a@a SIP/2.0", "Via: SIP/2.0/UDP a;branch=z9hG4bK1", "From: <sip:a@a>;tag=A",
                 "To: <sip:b@b>"] + callID + ["CSeq: 1 OPTIONS", "Content-Length: 0"]
    return try SIPParser.parse(Array((lines.joined(separator: "\r\n") + "\r\n\r\n").utf8))
}

@Test func aCallKeyReadFromAMessageIsItsCallID() throws {
    for lines in [["Call-ID: 1-32303@127.0.5.101"], ["i:  short "], ["Call-ID: folded", "  value@host"]] {
        let parsed = try message(callID: lines)
        let facts = try #require(MessageFacts.of(parsed))
        let callID = try #require(parsed.callID)
        #expect(facts.callID == callID)
        #expect(facts.callKey == CallKey(callID) && facts.callKey.hash == CallKey(callID).hash)
        #expect(facts.callKey.detached == facts.callKey && facts.callKey.detached.callID == callID)
    }
    let a = try #require(MessageFacts.of(try message(callID: ["Call-ID: abc@host"]))).callKey
    let b = try #require(MessageFacts.of(try message(callID: ["Call-ID: abd@host"]))).callKey
    #expect(a != b)
}

@Test func nonASCIICallKeysFromBytesAreEqualWhenTheirStringsAre() throws {
    // Canonically equivalent Call-IDs are one call, as when the tracker keyed calls by String;
    // a message's bytes are not compared as bytes unless both are ASCII.
    let pairs = [("caf\u{E9}@h", "cafe\u{301}@h"), ("\u{212A}ey@h", "Key@h"), ("\u{1FEF}a@h", "`a@h")]
    for (a, b) in pairs {
        let fromBytes = try #require(MessageFacts.of(try message(callID: ["Call-ID: \(a)"]))).callKey
        #expect(fromBytes == CallKey(b) && fromBytes.hash == CallKey(b).hash, "\(a)")
        #expect(fromBytes.hashValue == CallKey(b).hashValue)
        #expect(fromBytes != CallKey(b + "x"))
    }
}
