@testable import Dialogs
import SIP
import Testing

@Test(arguments: [
    ("SIP/2.0/UDP 10.0.0.1:5060;rport;branch=z9hG4bKa", "10.0.0.1:5060", "z9hG4bKa"),
    ("SIP / 2.0 / TCP Host.Example ; BRANCH = z9hG4bKb ; received=1.2.3.4", "host.example", "z9hG4bKb"),
    ("SIP/2.0/UDP [::1]:5060", "[::1]:5060", ""),
    ("SIP/2.0/UDP fe80:0:0:0:21a:a0ff:fe07:32e0:5060;branch=z9hG4bKv6", "fe80:0:0:0:21a:a0ff:fe07:32e0:5060", "z9hG4bKv6"),
    ("SIP/2.0/UDP h;branchx=1;branch=z9hG4bKc", "h", "z9hG4bKc"),
    ("", "", ""),
    // Sent-by's start is searched eight bytes at a time: blanks at and around word boundaries.
    ("SIP/2.0/UDP\tAbcdefgh.example.com:5060;branch=z9hG4bKd", "abcdefgh.example.com:5060", "z9hG4bKd"),
    ("SIP/2.0/UDP 12345678;branch=x", "12345678", "x"),
    ("SIP/2.0/UDP 1234567;branch=x", "1234567", "x"),
    ("SIP/2.0/UDP 123456789;branch=x", "123456789", "x"),
    ("abcdefghijklmnop;branch =x", "abcdefghijklmnop", "x"),
    ("SIP/2.0/UDP h;branch;Branch\t=\tz", "h", "z"),
    ("SIP/2.0/UDP h;branc=1;branches=2;branch", "h", ""),
    // Shorter than a word, and the last blank read off a word's bits.
    ("a b", "b", ""),
    ("ab", "ab", ""),
    ("A\tb C", "c", ""),
    ("SIP/2.0/UDP  h:1 ;branch=k", "h:1", "k"),
])
func viaKeyReadsSentByAndBranch(raw: String, sentBy: String, branch: String) {
    let key = ViaKey(rawValue: raw)
    #expect(key.sentBy == sentBy)
    #expect(key.branch == branch)
}

@Test func viaKeyIgnoresBlanksBeforeItsValueInTheSameWord() {
    // Sent-by's start is read from the word ending at its end: blanks of the bytes before the
    // value must not count.
    let storage = Array("a b c host;branch=x\t y".utf8)
    let key = ViaKey(storage: storage, value: 6..<19)
    #expect(key.sentBy == "host")
    #expect(key.branch == "x")
    let short = ViaKey(storage: storage, value: 2..<3)
    #expect(short.sentBy == "b")
}

@Test func viaKeysCompareBranchExactlyAndSentByIgnoringCase() {
    let a = ViaKey(rawValue: "SIP/2.0/UDP Proxy.Example:5060;branch=z9hG4bK1;received=1.2.3.4")
    let b = ViaKey(rawValue: "SIP/2.0/TCP proxy.example:5060 ; rport ; branch=z9hG4bK1")
    #expect(a == b && a.hashValue == b.hashValue)
    #expect(a != ViaKey(rawValue: "SIP/2.0/UDP proxy.example:5060;branch=Z9HG4BK1"))
    #expect(a != ViaKey(rawValue: "SIP/2.0/UDP proxy.example:5061;branch=z9hG4bK1"))
    #expect(a != ViaKey(rawValue: "SIP/2.0/UDP proxy.example:5060"))
    #expect(ViaKey(rawValue: "SIP/2.0/UDP \u{c9}t\u{c9}.example;branch=x") == ViaKey(rawValue: "SIP/2.0/UDP \u{e9}t\u{e9}.example;branch=x"))
    #expect(a.isRFC3261 && !ViaKey(rawValue: "SIP/2.0/UDP h;branch=1").isRFC3261)
}

@Test func viaKeysReadFromAMessageEqualThoseReadFromTheirText() throws {
    let text = "INVITE sip:b@b SIP/2.0\r\nVia: SIP/2.0/UDP p.example;branch=z9hG4bKp, SIP/2.0/UDP a.example\r\n"
        + " ;branch=z9hG4bKa\r\nVia: SIP/2.0/TCP c.example:5070;branch=z9hG4bKc\r\nContent-Length: 0\r\n\r\n"
    let message = try SIPParser.parse(Array(text.utf8))
    var keys: [ViaKey] = []
    message.forEachValue(.via) { keys.append(ViaKey(storage: $0, value: $1)) }
    #expect(keys == message.values(.via).map(ViaKey.init(rawValue:)))  // the first field is folded
    #expect(keys.map(\.branch) == ["z9hG4bKp", "z9hG4bKa", "z9hG4bKc"])
    #expect(keys.map(\.sentBy) == ["p.example", "a.example", "c.example:5070"])
}
