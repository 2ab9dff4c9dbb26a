import Audit
import Reports
import Testing

@Test func noColorWinsOverEverything() {
    #expect(!TextStyle.colored(choice: .always, isTerminal: true, noColor: "1"))
    #expect(!TextStyle.colored(choice: .auto, isTerminal: true, noColor: "yes"))
    #expect(TextStyle.colored(choice: .auto, isTerminal: true, noColor: ""))
    #expect(TextStyle.colored(choice: .auto, isTerminal: true, noColor: nil))
    #expect(!TextStyle.colored(choice: .auto, isTerminal: false, noColor: nil))
    #expect(TextStyle.colored(choice: .always, isTerminal: false, noColor: nil))
    #expect(!TextStyle.colored(choice: .never, isTerminal: true, noColor: nil))
}

@Test func plainTextShowsRouteSetDirectionsVerdictsAndFindings() throws {
    let audit = try ReportFixtures.audit()
    let text = TextReport(fileNames: ["x.pcap"], style: TextStyle(colored: false)).dialogBlock(audit)
    #expect(!text.contains("\u{1B}"))
    #expect(text.contains("route set  caller: \(ReportFixtures.rr)"))
    #expect(text.contains("#5"))
    #expect(text.contains("downstream"))
    #expect(text.contains("at 127.0.0.10:5060/udp: loose_route 1"))
    #expect(text.contains("nat=yes no match"))
    #expect(text.contains("forwarded #6"))
    #expect(text.contains("ROUTE_PARAMS_CHANGED  #5"))
}

@Test func coloredTextUsesAnsiEscapes() throws {
    let audit = try ReportFixtures.audit()
    let text = TextReport(fileNames: ["x.pcap"], style: TextStyle(colored: true)).dialogBlock(audit)
    #expect(text.contains("\u{1B}[1m"))
    #expect(text.contains("\u{1B}[0m"))
}

@Test func summaryFooterCountsSeverities() {
    var summary = AnalysisSummary(files: 1)
    summary.dialogs = 1
    summary.count(Finding(code: .routeMissing, severity: .error, fileIndex: 0, callID: "c", frame: 3, message: "m"))
    summary.decode[.malformedSIP] = 2
    summary.malformedMessages = [.init(fileIndex: 0, frame: 9, reason: "r")]
    let text = TextReport(fileNames: ["x.pcap"], style: TextStyle(colored: false)).summaryBlock(summary)
    #expect(text.contains("1 dialog in"))
    #expect(text.contains("1 error, 0 warnings, 0 info"))
    #expect(text.contains("ROUTE_MISSING 1"))
    #expect(text.contains("malformed_sip 2"))
    #expect(text.contains("#9"))
}
