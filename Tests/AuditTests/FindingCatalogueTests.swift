import Testing
@testable import Audit

struct FindingCatalogueTests {
    @Test("every finding code has a complete explanation", arguments: FindingCode.allCases)
    func everyCodeHasAnEntry(code: FindingCode) {
        let entry = FindingCatalogue.entry(for: code)
        #expect(entry.code == code)
        #expect(!entry.title.isEmpty)
        #expect(!entry.title.contains("\n"))
        #expect(entry.why.count > 40)
        #expect(entry.fix.count > 20)
        #expect(!entry.basis.isEmpty)
        // At least one reference to the standard or to the Kamailio behaviour (rr-spec) behind it.
        #expect(entry.basis.contains { $0.hasPrefix("RFC") || $0.hasPrefix("rr-spec") })
    }

    @Test func titlesAreDistinct() {
        let titles = FindingCatalogue.all.map(\.title)
        #expect(Set(titles).count == titles.count)
    }

    @Test func renderedExplanationOfRRNoLR() {
        let text = FindingCatalogue.entry(for: .rrNoLR).rendered(width: 80)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first == "RR_NO_LR  (error, dialog set-up)")
        #expect(text.contains("Why it breaks calls:\n  Without lr the element is a strict router"))
        #expect(text.contains("How to fix:\n"))
        #expect(text.contains("  - RFC 3261 §16.6 step 4"))
        #expect(text.contains("https://github.com/kamailio/kamailio/issues/267"))
        // Wrapped at the width, except words that cannot be split (URLs).
        #expect(lines.allSatisfy { $0.count <= 80 || !$0.contains(" ") || $0.contains("https://") })
    }

    @Test func listingHasOneLinePerCodeWithSeverity() {
        let lines = FindingCatalogue.listing().split(separator: "\n")
        #expect(lines.count == FindingCode.allCases.count)
        let ftagLine = lines.first { $0.hasPrefix("FTAG_ABSENT ") }
        #expect(ftagLine?.contains(" info ") == true)
        #expect(ftagLine?.contains("carries no ftag") == true)
        #expect(lines.contains { $0.hasPrefix("CAPTURE_INCOMPLETE ") })
    }

    @Test func wrapKeepsWordsAndIndents() {
        let lines = ExplainEntry.wrap("aaa bbb ccc ddd", width: 9, indent: "  ", continuation: "    ")
        #expect(lines == ["  aaa bbb", "    ccc", "    ddd"])
    }
}
