import Testing
@testable import SIP

@Suite struct HeaderValueSplitterTests {
    func split(_ s: String) -> [String] {
        let b = Array(s.utf8)
        return b.withUnsafeBufferPointer { p in
            HeaderValueSplitter.split(p, 0..<p.count).map { String(decoding: b[$0], as: UTF8.self) }
        }
    }

    @Test func splitsOutsideQuotesAndAngles() {
        #expect(split("<sip:a;lr>, <sip:b;lr>") == ["<sip:a;lr>", "<sip:b;lr>"])
        #expect(split(#""Doe, John" <sip:j@x>, <sip:k@y?a=1,2>"#) == [#""Doe, John" <sip:j@x>"#, "<sip:k@y?a=1,2>"])
        #expect(split(#""a \" , b" <sip:q@r>,sip:s@t"#) == [#""a \" , b" <sip:q@r>"#, "sip:s@t"])
        #expect(split("100rel ,timer,, path") == ["100rel", "timer", "path"])
        #expect(split("  ") == [])
    }

    @Test func findsSeparatorsAnywhereInLongValues() {
        // Values longer than the 16-byte blocks the scan skips, with each special byte at and
        // around block edges.
        let via = "SIP/2.0/UDP 192.168.100.200:5060;branch=z9hG4bK-524287-1---abcdef0123456789;rport"
        #expect(split(via) == [via])
        #expect(split(via + "," + via) == [via, via])
        for offset in 0..<40 {
            let pad = String(repeating: "x", count: offset)
            #expect(split(pad + "a,b" + pad) == [pad + "a", "b" + pad])
            #expect(split(pad + #""q,r" <s,t>,u"#) == [pad + #""q,r" <s,t>"#, "u"])
        }
    }

    @Test func findsSeparatorsInTheLastBytesAfterCleanBlocks() {
        // The special byte in the bytes after the last whole block (the overlapping final check).
        for offset in 0..<48 {
            let pad = String(repeating: "x", count: offset)
            #expect(split(pad + "a,b") == [pad + "a", "b"])
            #expect(split(pad + "a,<b,c>") == [pad + "a", "<b,c>"])
            #expect(split(pad + #"a,"b,c""#) == [pad + "a", #""b,c""#])
            #expect(split(pad + "abc") == [pad + "abc"])
        }
    }

    @Test func keepsEmptyElementsForStrictParsers() {
        let b = Array("a,,b,".utf8)
        #expect(HeaderValueSplitter.splitKeepingEmpty(b).map(\.count) == [1, 0, 1, 0])
    }
}
