import Reports
import Testing

@Suite struct HTMLEscapingTests {
    @Test func markupCharactersBecomeReferences() {
        #expect(HTMLEscaping.escape("<script>alert('x')</script>") == "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")
        #expect(HTMLEscaping.escape("a&b \"q\"") == "a&amp;b &quot;q&quot;")
    }

    @Test func plainTextIsUnchanged() {
        #expect(HTMLEscaping.escape("sip:bob@127.0.0.2:5062;lr;ftag=a1") == "sip:bob@127.0.0.2:5062;lr;ftag=a1")
        #expect(HTMLEscaping.escape("Zoë → ☎") == "Zoë → ☎")
    }

    @Test func forbiddenControlsAreReplaced() {
        #expect(HTMLEscaping.escape("a\u{0}b\u{1B}c\td") == "a\u{FFFD}b\u{FFFD}c\td")
    }

    @Test func identifiersKeepOnlySafeCharacters() {
        #expect(HTMLEscaping.identifier("RR_NO_LR") == "RR_NO_LR")
        #expect(HTMLEscaping.identifier("a\"b<c> d") == "a_b_c__d")
    }

    @Test func truncationAddsEllipsis() {
        #expect(HTMLEscaping.truncated("abcdef", to: 4) == "abc…")
        #expect(HTMLEscaping.truncated("abc", to: 4) == "abc")
    }
}
