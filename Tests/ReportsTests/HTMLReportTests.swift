import Audit
import Dialogs
import Foundation
import Reports
import SIP
import Testing
import Transport

@Suite struct HTMLReportTests {
    static func render(_ name: String) throws -> (html: String, audits: [DialogAudit]) {
        let path = Samples.directory.appendingPathComponent("\(name).pcap").path
        let pipeline = try DecodePipeline(paths: [path])
        var analysis = try Analysis(files: 1)
        var report = HTMLReport(fileNames: ["\(name).pcap"])
        var audits: [DialogAudit] = []
        analysis.run(pipeline) { audit in
            audits.append(audit)
            report.add(audit)
        }
        return (report.document(summary: analysis.summary), audits)
    }

    static func count(_ needle: String, in text: String) -> Int { text.components(separatedBy: needle).count - 1 }

    @Test func oneCardPerDialogWithLinkedExplanations() throws {
        let (html, audits) = try Self.render("forked-early-dialogs")
        #expect(audits.count >= 1)
        #expect(Self.count("<section class=\"card\"", in: html) == audits.count)
        #expect(Self.count("<svg ", in: html) == audits.count)
        #expect(html.hasPrefix("<!DOCTYPE html>") && html.hasSuffix("</html>\n"))
        // Self-contained: no script, no external resource.
        #expect(!html.contains("<script") && !html.contains("src=") && !html.contains("<link"))
        for code in Set(audits.flatMap(\.findingCodes)) {
            #expect(html.contains("href=\"#explain-\(code.rawValue)\""))
            #expect(Self.count("id=\"explain-\(code.rawValue)\"", in: html) == 1)
        }
    }

    @Test func summaryAndProxyParamsOnRealSample() throws {
        let (html, audits) = try Self.render("rr-params")
        let audit = try #require(audits.first)
        let proxy = try #require(audit.dialog.proxies.first)
        for parameter in proxy.recordRouteParameters {
            #expect(html.contains(HTMLEscaping.escape(parameter.name + (parameter.value.map { "=" + $0 } ?? ""))))
        }
        for value in audit.dialog.routeSet.caller { #expect(html.contains(HTMLEscaping.escape(value))) }
        #expect(html.contains("<b>\(audits.count)</b><span>dialogs</span>"))
    }

    /// A call whose headers carry markup: none of it may reach the page as markup.
    @Test func hostileHeaderValuesAreEscaped() throws {
        let hostile = "x\"><img/src=x/onerror=alert(1)>"
        let alice = "127.0.0.1:5061", proxy = "127.0.0.10:5060", bob = "127.0.0.2:5062"
        let rr = "<sip:127.0.0.10;lr;ftag=A;x=\"<svg/onload=alert(3)>\">"
        let common = ["From: \"<script>alert(2)</script>\" <sip:alice@a.example>;tag=A", "Call-ID: \(hostile)"]
        let to = "To: <sip:bob@b.example>", toTagged = "To: <sip:bob@b.example>;tag=B"
        let c1 = "Via: SIP/2.0/UDP 127.0.0.1:5061;branch=z9hG4bKc1", p1 = "Via: SIP/2.0/UDP 127.0.0.10;branch=z9hG4bKp1"
        let script: [([String], String, String)] = [
            (["INVITE sip:bob@b.example SIP/2.0", c1, to, "CSeq: 1 INVITE", "Contact: <sip:alice@127.0.0.1:5061>"] + common, alice, proxy),
            (["INVITE sip:bob@127.0.0.2:5062 SIP/2.0", p1, c1, to, "CSeq: 1 INVITE", "Record-Route: \(rr)",
              "Contact: <sip:alice@127.0.0.1:5061>"] + common, proxy, bob),
            (["SIP/2.0 200 <b>OK</b>", p1, c1, toTagged, "CSeq: 1 INVITE", "Record-Route: \(rr)",
              "Contact: <sip:bob@127.0.0.2:5062>"] + common, bob, proxy),
            (["SIP/2.0 200 <b>OK</b>", c1, toTagged, "CSeq: 1 INVITE", "Record-Route: \(rr)",
              "Contact: <sip:bob@127.0.0.2:5062>"] + common, proxy, alice),
            (["INFO sip:bob@127.0.0.2:5062;x=<i> SIP/2.0", "Via: SIP/2.0/UDP 127.0.0.1:5061;branch=z9hG4bKc2", toTagged,
              "CSeq: 2 INFO", "Route: <sip:127.0.0.10;lr;ftag=A;x=<marquee>>"] + common, alice, proxy),
        ]
        var tracker = DialogTracker()
        var dialogs: [Dialog] = []
        for (index, entry) in script.enumerated() {
            let message = try #require(ReportFixtures.observed(entry.0, from: entry.1, to: entry.2, frame: index + 1))
            tracker.ingest(message) { dialogs.append($0) }
        }
        tracker.finish { dialogs.append($0) }
        let audit = try Auditor().audit(try #require(dialogs.first))
        #expect(!audit.findings.isEmpty)
        var report = HTMLReport(fileNames: ["<evil>.pcap"])
        report.add(audit)
        var summary = AnalysisSummary(files: 1)
        summary.dialogs = 1
        for finding in audit.findings { summary.count(finding) }
        let html = report.document(summary: summary)
        for tag in ["<img", "<script", "<svg/", "<marquee", "<i>", "<b>OK", "<evil>"] {
            #expect(!html.contains(tag), "unescaped \(tag)")
        }
        #expect(html.contains("x&quot;&gt;&lt;img/src=x/onerror=alert(1)&gt;"))
        #expect(html.contains("&lt;marquee&gt;"))
        #expect(html.contains("&lt;evil&gt;.pcap"))
    }
}
