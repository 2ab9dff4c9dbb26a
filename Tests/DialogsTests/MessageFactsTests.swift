@testable import Dialogs
import Testing

@Test(arguments: [
    ("SIP/2.0/UDP 10.0.0.1:5060;rport;branch=z9hG4bKa", "10.0.0.1:5060", "z9hG4bKa"),
    ("SIP / 2.0 / TCP Host.Example ; BRANCH = z9hG4bKb ; received=1.2.3.4", "host.example", "z9hG4bKb"),
    ("SIP/2.0/UDP [::1]:5060", "[::1]:5060", ""),
    ("SIP/2.0/UDP fe80:0:0:0:21a:a0ff:fe07:32e0:5060;branch=z9hG4bKv6", "fe80:0:0:0:21a:a0ff:fe07:32e0:5060", "z9hG4bKv6"),
    ("SIP/2.0/UDP h;branchx=1;branch=z9hG4bKc", "h", "z9hG4bKc"),
    ("", "", ""),
])
func viaKeyReadsSentByAndBranch(raw: String, sentBy: String, branch: String) {
    let key = ViaKey(rawValue: raw)
    #expect(key.sentBy == sentBy)
    #expect(key.branch == branch)
}

@Test(arguments: [
    ("\"Smith <Jr>; x\" <sip:smith@a.example;user=phone>;tag=S", "sip:smith@a.example;user=phone", "S"),
    ("sip:bob@b.example;tag=T", "sip:bob@b.example", "T"),
    ("<sip:x@y>;tag=first;tag=second", "sip:x@y", "first"),
    ("\\\"arik\\\" <sip:arik@a.example>;TAG=A", "sip:arik@a.example", "A"),
    ("<sip:x@y>", "sip:x@y", nil),
    // As `split(separator: "=", maxSplits: 1)` read them: blanks trimmed, leading `=` skipped,
    // an empty value or name skipped, `=` inside the value kept.
    ("<sip:x@y>; Tag = t1 ;x", "sip:x@y", "t1"),
    ("<sip:x@y>;=tag=t2", "sip:x@y", "t2"),
    ("<sip:x@y>;tag=;tag=t3", "sip:x@y", "t3"),
    ("<sip:x@y>; =t;tags=1;tag=a=b", "sip:x@y", "a=b"),
    ("<sip:x@y>;tag", "sip:x@y", nil),
])
func identityReadsURIAndTag(raw: String, uri: String, tag: String?) {
    let identity = Identity(rawValue: raw)
    #expect(identity.uriText == uri)
    #expect(identity.tag == tag)
}
