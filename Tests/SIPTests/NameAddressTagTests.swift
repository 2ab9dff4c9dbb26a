import Testing
@testable import SIP

/// `NameAddress.lenientTag` must say what `try? NameAddress(lenientSkippingURI:)` says about the
/// tag: the same tag, and nil exactly when that parse fails.
private func expectAgreement(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let reference: String?? = (try? NameAddress(lenientSkippingURI: text)).map { $0.tag }
    var bytes = Array(text.utf8)
    let fast = bytes.withUnsafeMutableBufferPointer { NameAddress.lenientTag(UnsafeBufferPointer($0)) }
    #expect(fast == reference, "\(text.debugDescription)", sourceLocation: sourceLocation)
}

@Suite struct NameAddressTagTests {
    @Test func agreesWithTheLenientParseOnTrickyValues() {
        let values = [
            "<sip:a@b>;tag=1", "<sip:a@b>;TAG = x ; tag=y", "<sip:a@b>;tag", "<sip:a@b>;tag=", "<sip:a@b>; tag =  v  ",
            "sip:a@b;tag=7618c7618^", "sip:a@b ;tag=2", "sip:a@b", "<sip:a@b>", "  ", "", "<sip:a@b",
            "sip:a>b;tag=1", "<>;tag=1", "< \t >;tag=1", "< sip:a@b >;tag=z", #""Watson, Thomas" <sip:t@w>;tag=w;x"#,
            #""unclosed <sip:a@b>;tag=1"#, #""a\"b" <sip:a@b>;tag=q"#, #""a" sip:a@b;tag=1"#, #""a\"#,
            #"<sip:a@b>;x="q;tag=no";tag=yes"#, #"<sip:a@b>;x="\";tag=no";tag=yes"#, #"<sip:a@b>;x="open;tag=1"#,
            "<sip:a@b>;=tag;tag=ok", "<sip:a@b>;ta=g;tagx=1;tag=2", "<sip:a@b> tag=1", "<sip:a@b>;;;tag=3;;",
            "Bob <sip:b@b>;tag=abc", "<sip:a@b;tag=uriparam>", "<sip:a@b;tag=uriparam>;tag=hdr", "sip:a@b?x=<y>;tag=1",
            "<sip:a@b>;tag=\u{e9}t\u{e9}", "<sip:a@b>;tag=1\r\n", "\t<sip:a@b>;tag=t\t",
            // Parameters without quotes or LWS (the one-pass split): values with '=', repeats, flags.
            "<sip:a@b>;tag=a=b", "<sip:a@b>;tag=;tag=2", "<sip:a@b>;TaG=X", "<sip:a@b>;x=1;tag", "<sip:a@b>;tag=1;tag=2",
            "<sip:a@b>;==;tag=3", "<sip:a@b>;x\\=1;tag=4", "<sip:a@b>;x=1;tag=5;", "<sip:a@b>;tagg=1;ta=2", "sip:a@b;tag=6",
        ]
        for value in values { expectAgreement(value) }
    }

    @Test func agreesOnEveryFromAndToOfTheCorpusAndTheirMutations() throws {
        var values: [String] = []
        for path in try Corpus.manifestPaths() {
            guard let message = try? SIPParser.parse(try Corpus.bytes(path)) else { continue }
            values += message.fields(.from) + message.fields(.to)
        }
        try #require(Corpus.messages == nil || values.count > 100)
        // Seeded mutations (bounded): delete, duplicate or replace one byte with a delimiter.
        var generator = SplitMix(seed: 0x7a6)
        let delimiters = Array("<>;=\" \t\\,".utf8)
        for value in values {
            expectAgreement(value)
            let bytes = Array(value.utf8)
            guard !bytes.isEmpty else { continue }
            for _ in 0..<20 {
                var mutated = bytes
                let at = Int(generator.next() % UInt64(mutated.count))
                switch generator.next() % 3 {
                case 0: mutated.remove(at: at)
                case 1: mutated.insert(mutated[at], at: at)
                default: mutated[at] = delimiters[Int(generator.next() % UInt64(delimiters.count))]
                }
                expectAgreement(String(decoding: mutated, as: UTF8.self))
            }
        }
    }
}

/// A small deterministic generator, so a failure replays.
private struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
