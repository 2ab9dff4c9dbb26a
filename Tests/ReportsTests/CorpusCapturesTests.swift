import Audit
import Dialogs
import Foundation
import Reports
import Testing
import Transport

/// The public captures of `../shared/corpus/public` (real traffic nobody on this project wrote):
/// every one analyses without error, and for some the dialogs and Record-Route sets match what
/// tshark shows (commands in each test).
enum Corpus {
    static let directory: String? = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let candidates = [root.appendingPathComponent("../shared/corpus/public").standardized.path,
                          "/work/shared/corpus/public"]
        return candidates.first { FileManager.default.fileExists(atPath: $0) }
    }()

    static let captures: [String] = {
        guard let directory, let walker = FileManager.default.enumerator(atPath: directory) else { return [] }
        return walker.compactMap { $0 as? String }.filter { name in
            [".pcap", ".pcapng", ".cap", ".gz"].contains { name.hasSuffix($0) }
        }.sorted()
    }()

    static func analyze(_ relative: String, options: Analysis.Options = .init()) throws
        -> (dialogs: [Dialog], summary: AnalysisSummary, decoded: Int) {
        let pipeline = try DecodePipeline(paths: ["\(directory ?? "")/\(relative)"])
        var analysis = try Analysis(files: 1, options: options)
        var dialogs: [Dialog] = []
        analysis.run(pipeline) { dialogs.append($0.dialog) }
        return (dialogs, analysis.summary, pipeline.statistics.sipMessages)
    }
}

@Test(.enabled(if: Corpus.directory != nil), arguments: Corpus.captures)
func publicCaptureAnalysesWithoutError(capture: String) throws {
    let (dialogs, summary, decoded) = try Corpus.analyze(capture)
    #expect(summary.sipMessages == decoded)
    #expect(summary.dialogs == dialogs.count)
    for dialog in dialogs {
        #expect(!dialog.callID.isEmpty)
        #expect(dialog.firstFrame >= 1 && dialog.firstFrame <= dialog.lastFrame)
        #expect(dialog.requests.allSatisfy { !$0.copies.isEmpty })
    }
}

// tshark -r heplify/sip_ipv6_udp.pcap -Y sip -T fields -e frame.number -e sip.Request-Line \
//   -e sip.Status-Line -e sip.CSeq -e sip.from.tag -e sip.to.tag
// INVITE, 100, 200, ACK, BYE, 200: one call, no Record-Route; Via sent-by is an unbracketed IPv6
// address and the ACK reuses the INVITE's branch. The frames are stamped years apart
// (tshark -e frame.time_relative), so the default --dialog-timeout expires the INVITE first.
@Test(.enabled(if: Corpus.directory != nil))
func ipv6CallWithUnbracketedVia() throws {
    let (expiring, _, _) = try Corpus.analyze("heplify/sip_ipv6_udp.pcap")
    #expect(expiring.first?.end == .expired)
    let (dialogs, _, _) = try Corpus.analyze("heplify/sip_ipv6_udp.pcap", options: .init(dialogTimeout: 1e10))
    #expect(dialogs.count == 1)
    let dialog = try #require(dialogs.first)
    #expect(dialog.callID == "c3eF6f58-363323Cd-8058EB88-10300252@fe80:0:0:0:21a:a0ff:fe07:32e0")
    #expect(dialog.callerTag == "a3bhg")
    #expect(dialog.state == .terminated)
    // The BYE's 200 OK (frame 6) is stamped 20 years after the BYE (frame 5): long past the
    // linger, so the dialog ends at the BYE and the 200 comes too late to join it.
    #expect(dialog.firstFrame == 1 && dialog.lastFrame == 5)
    #expect(dialog.recordRouteAtCaller.isEmpty && dialog.proxies.isEmpty)
    // Frames 5 and 6 are stamped after 2038 (pcap seconds are unsigned 32 bits, as tshark reads them).
    #expect(dialog.requests.map(\.method) == [.ack, .bye])
    #expect(dialog.requests.allSatisfy { $0.role == .inDialog })
}

// tshark -r sngrep/ipv6frag.pcap -Y sip -T fields -e frame.number -e sip.Status-Line -e sip.to.tag
// tshark -r sngrep/ipv6frag.pcap -Y "frame.number==28" -T fields -e sip.Record-Route
// One INVITE forked to two To tags; both answered 200 (frames 26/27 and 28); only ...0171847 is
// ACKed (29) and ended by BYE (31). Record-Route: two values, proxy 3519 on top.
@Test(.enabled(if: Corpus.directory != nil))
func forkedIPv6CallGivesTwoConfirmedDialogs() throws {
    let (dialogs, _, _) = try Corpus.analyze("sngrep/ipv6frag.pcap")
    #expect(dialogs.count == 2)
    #expect(Set(dialogs.map(\.callID)).count == 1)
    #expect(dialogs.allSatisfy { $0.callerTag == "397430SIPpTag0071846" })
    let ended = try #require(dialogs.first { $0.calleeTag == "1632476SIPpTag0171847" })
    let open = try #require(dialogs.first { $0.calleeTag == "1632476SIPpTag0271847" })
    #expect(ended.state == .terminated)
    #expect(open.state == .confirmed)
    let recordRoute = ["<sip:origzFtdcRtHHqyuowAT@[fd17:625c:f037:2:a00:27ff:feb9:3519]:5062;lr>",
                       "<sip:08019200028@[fd17:625c:f037:2:a00:27ff:feb9:4222]:25060;lr>"]
    #expect(ended.recordRouteAtCaller == recordRoute)
    #expect(ended.routeSet.caller == recordRoute.reversed())
    #expect(ended.requests.map(\.method) == [.prack, .update, .ack, .bye])
}

// tshark -r heplify/sip_tcp_websocket.pcap -Y sip -T fields -e frame.number -e sip.Call-ID \
//   -e sip.Request-Line -e sip.Status-Line -e sip.CSeq -e sip.to.tag -e sip.Via.branch
// tshark -r heplify/sip_tcp_websocket.pcap -Y "frame.number==46" -T fields -e sip.Record-Route
// Two calls. kovfhoptshgn59q712sr: INVITE 2206 challenged 407 and ACKed on a new branch, INVITE
// 2207 through Kamailio 10.243.0.157 (double RR, ws and udp) answered 200 with To tag Hg3pt6QU3Dycj.
@Test(.enabled(if: Corpus.directory != nil))
func webSocketCallsWithDoubleRecordRoute() throws {
    let (dialogs, _, _) = try Corpus.analyze("heplify/sip_tcp_websocket.pcap")
    #expect(Set(dialogs.map(\.callID)) == ["kovfhoptshgn59q712sr", "926ffd16-6154-1237-09ba-0270b3230128"])
    #expect(dialogs.count == 2)
    let call = try #require(dialogs.first { $0.callID == "kovfhoptshgn59q712sr" })
    #expect(call.callerTag == "8pamukqsoe" && call.calleeTag == "Hg3pt6QU3Dycj")
    #expect(call.state == .terminated)
    #expect(call.initialRequest?.cseq == 2207)
    #expect(call.recordRouteAtCaller == ["<sip:10.243.0.157:5060;r2=on;lr;ftag=8pamukqsoe;did=acc.642f5953>",
                                         "<sip:18.209.220.177:8080;transport=ws;r2=on;lr;ftag=8pamukqsoe;did=acc.642f5953>"])
    #expect(call.requests.first { $0.role == .failureACK }?.cseq == 2206)
}

// tshark -r nDPI/FAX-Call-t38-CA-TDM-SIP-FB-1.pcap -Y 'sip.Method == "INVITE"' -T fields \
//   -e sip.Call-ID -e sip.from.tag -e sip.To        (and no frame with sip.Record-Route)
// Two calls (a B2BUA leg each side), each with re-INVITEs for T.38 and a BYE; no Record-Route.
@Test(.enabled(if: Corpus.directory != nil))
func faxCallLegsWithReInvites() throws {
    let (dialogs, _, _) = try Corpus.analyze("nDPI/FAX-Call-t38-CA-TDM-SIP-FB-1.pcap")
    #expect(Set(dialogs.map(\.callID)) == ["00e9d4a500e9d48-0015-0001-0000-0000@10.35.40.25",
                                           "SD4909701-9ff11bf72eb4a347c92974d8fbbc2668-ao8o3i1"])
    #expect(dialogs.allSatisfy { $0.state == .terminated && $0.recordRouteAtCaller.isEmpty })
    #expect(dialogs.allSatisfy { dialog in dialog.requests.contains { $0.method == .invite && $0.role == .inDialog } })
}

// tshark -r sngrep/aaa.pcap -Y 'sip.Method == "INVITE"' -T fields -e frame.number -e sip.Call-ID \
//   -e sip.CSeq -e sip.from.tag ; and -e sip.Status-Line for the responses
// Four Call-IDs; 105090259-446faf7a@192.168.1.2 is CANCELled (487), the others rejected
// (407/403/...); REGISTERs are out of dialog.
@Test(.enabled(if: Corpus.directory != nil))
func rejectedAndCancelledCalls() throws {
    let (dialogs, summary, _) = try Corpus.analyze("sngrep/aaa.pcap")
    #expect(Set(dialogs.map(\.callID)).count == 4)
    #expect(dialogs.first { $0.callID == "105090259-446faf7a@192.168.1.2" }?.state == .cancelled)
    #expect(dialogs.filter { $0.callID != "105090259-446faf7a@192.168.1.2" }.allSatisfy { $0.state == .rejected })
    #expect(summary.nonDialogMessages > 0)
}
