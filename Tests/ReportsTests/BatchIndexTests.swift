import Audit
import Foundation
import Reports
import Testing
import Transport

@Suite struct BatchIndexTests {
    static func result(_ path: String, errors: Int, warnings: Int, error: String? = nil, opened: Bool = true) -> BatchFileResult {
        guard opened else { return BatchFileResult(path: path, summary: nil, error: error) }
        var summary = AnalysisSummary(files: 1)
        summary.frames = 10
        summary.dialogs = errors + warnings
        if errors > 0 {
            summary.findings[.routeMissing] = errors
            summary.severities[.error] = errors
        }
        if warnings > 0 {
            summary.findings[.rrLROn] = warnings
            summary.severities[.warning] = warnings
        }
        summary.decode[.truncated] = 2
        return BatchFileResult(path: path, summary: summary, error: error, reports: ["x.html"])
    }

    static func object(_ line: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    }

    @Test func fileLineFollowsTheContract() throws {
        let line = BatchIndex.fileLine(Self.result("dir/a \"b\".pcap", errors: 2, warnings: 1))
        #expect(line.hasPrefix("{\"type\":\"batch_file\",\"file\":\"dir/a \\\"b\\\".pcap\",\"dialogs\":3,\"findings\":{"))
        let record = try Self.object(line)
        #expect(record["error"] is NSNull)
        #expect((record["findings"] as? [String: Int]) == ["ROUTE_MISSING": 2, "RR_LR_ON": 1])
        #expect((record["decode"] as? [String: Int])?["truncated"] == 2)
        #expect((record["decode"] as? [String: Int])?.count == DecodeProblemKind.allCases.count)
    }

    @Test func failedFileHasNullCountsAndItsError() throws {
        let record = try Self.object(BatchIndex.fileLine(Self.result("x.pcap", errors: 0, warnings: 0, error: "x.pcap: cannot read", opened: false)))
        #expect(record["dialogs"] is NSNull)
        #expect(record["error"] as? String == "x.pcap: cannot read")
    }

    @Test func summaryAggregatesAndListsWorstFilesFirst() throws {
        let results = [Self.result("a", errors: 1, warnings: 5), Self.result("b", errors: 3, warnings: 0),
                       Self.result("c", errors: 0, warnings: 0), Self.result("d", errors: 0, warnings: 0, error: "bad", opened: false)]
        let totals = BatchTotals(results)
        #expect(totals.files == 4 && totals.failedFiles == 1 && totals.dialogs == 9)
        #expect(totals.findings == [.routeMissing: 4, .rrLROn: 5])
        #expect(totals.worst.map(\.path) == ["b", "a"])
        let record = try Self.object(BatchIndex.summaryLine(totals))
        #expect(record["type"] as? String == "batch_summary")
        #expect((record["worst_files"] as? [[String: Any]])?.compactMap { $0["file"] as? String } == ["b", "a"])
        #expect((record["findings"] as? [String: Int])?["ROUTE_MISSING"] == 4)
        #expect(totals.findings(atLeast: .error) == 4)
    }

    @Test func indexPageEscapesNamesAndLinksReports() {
        let results = [Self.result("<b>evil</b>#1.pcap", errors: 1, warnings: 0)]
        let page = BatchIndexHTML.document(results: results, totals: BatchTotals(results)) { _ in "<b>evil</b>#1.pcap.html" }
        #expect(!page.contains("<b>evil"))
        #expect(page.contains("href=\"%3Cb%3Eevil%3C/b%3E%231.pcap.html\""))
        #expect(page.contains("&lt;b&gt;evil&lt;/b&gt;#1.pcap"))
    }
}
