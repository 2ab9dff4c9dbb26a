@testable import Dialogs
import Testing

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
    ("<sip:x@y>;\t tAg\t=\t v w \t;tag=no", "sip:x@y", "v w"),
    ("<sip:x@y>;= =tag=no;tag= ;tag=yes", "sip:x@y", ""),
    ("<sip:x@y>;tagx=1;ta=2;tag =;tag=later", "sip:x@y", "later"),
    ("<sip:x@y>;tag=", "sip:x@y", nil),
])
func identityReadsURIAndTag(raw: String, uri: String, tag: String?) {
    let identity = Identity(rawValue: raw)
    #expect(identity.uriText == uri)
    #expect(identity.tag == tag)
}

@Test(arguments: [
    "\"Smith <Jr>; x\" <sip:smith@a.example;user=phone>;tag=S", "sip:bob@b.example;tag=T", "<sip:x@y>",
    "\\\"arik\\\" <sip:arik@a.example>;TAG=A", "<sip:x@y>; =t;tags=1;tag=a=b", "\"open <sip:x@y>;tag=q",
])
func identityTagAloneIsTheTagOfTheWholeRead(raw: String) {
    var text = raw
    let tag = text.withUTF8 { Identity.tag(bytes: $0) }
    #expect(tag == Identity(rawValue: raw).tag)
}
