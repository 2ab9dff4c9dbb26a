import Audit
import Capture
import Dialogs
import SIP
import Testing
import Transport

/// A small call for the report tests: alice (127.0.0.1:5061) → proxy (127.0.0.10:5060) → bob
/// (127.0.0.2:5062), record-routed with `;nat=yes`, then an INFO from alice whose Route lost the
/// proxy's `nat=yes` and carries a quote and a tab in its R-URI user part to exercise escaping.
enum ReportFixtures {
    static let rr = "<sip:127.0.0.10;lr;ftag=A;nat=yes>"

    static func observed(_ lines: [String], from source: String, to destination: String, frame: Int) -> ObservedMessage? {
        let text = lines.joined(separator: "\r\n") + "\r\nContent-Length: 0\r\n\r\n"
        guard let message = try? SIPParser.parse(Array(text.utf8)),
              let src = Endpoint(proxyAddress: source), let dst = Endpoint(proxyAddress: destination) else { return nil }
        return ObservedMessage(message: message, flow: Flow(source: src, destination: dst, transport: .udp),
                               time: CaptureTime(seconds: 1_700_000_000, nanoseconds: Int32(frame) * 1000),
                               frames: [frame])
    }

    static func messages() -> [ObservedMessage] {
        let alice = "127.0.0.1:5061", proxy = "127.0.0.10:5060", bob = "127.0.0.2:5062"
        let common = ["From: \"Alice\" <sip:alice@a.example>;tag=A", "Call-ID: call-\"1\"\\x"]
        let to = "To: <sip:bob@b.example>", toTagged = "To: <sip:bob@b.example>;tag=B"
        let c1 = "Via: SIP/2.0/UDP 127.0.0.1:5061;branch=z9hG4bKc1"
        let p1 = "Via: SIP/2.0/UDP 127.0.0.10;branch=z9hG4bKp1"
        let list: [([String], String, String)] = [
            (["INVITE sip:bob@b.example SIP/2.0", c1, to, "CSeq: 1 INVITE", "Contact: <sip:alice@127.0.0.1:5061>"] + common, alice, proxy),
            (["INVITE sip:bob@127.0.0.2:5062 SIP/2.0", p1, c1, to, "CSeq: 1 INVITE", "Record-Route: \(rr)",
              "Contact: <sip:alice@127.0.0.1:5061>"] + common, proxy, bob),
            (["SIP/2.0 200 OK", p1, c1, toTagged, "CSeq: 1 INVITE", "Record-Route: \(rr)",
              "Contact: <sip:bob@127.0.0.2:5062>"] + common, bob, proxy),
            (["SIP/2.0 200 OK", c1, toTagged, "CSeq: 1 INVITE", "Record-Route: \(rr)",
              "Contact: <sip:bob@127.0.0.2:5062>"] + common, proxy, alice),
            (["INFO sip:bob@127.0.0.2:5062 SIP/2.0", "Via: SIP/2.0/UDP 127.0.0.1:5061;branch=z9hG4bKc2", toTagged,
              "CSeq: 2 INFO", "Route: <sip:127.0.0.10;lr;ftag=A>"] + common, alice, proxy),
            (["INFO sip:bob@127.0.0.2:5062 SIP/2.0", "Via: SIP/2.0/UDP 127.0.0.10;branch=z9hG4bKp2",
              "Via: SIP/2.0/UDP 127.0.0.1:5061;branch=z9hG4bKc2", toTagged, "CSeq: 2 INFO"] + common, proxy, bob),
        ]
        return list.enumerated().compactMap { index, entry in observed(entry.0, from: entry.1, to: entry.2, frame: index + 1) }
    }

    /// The audited dialog of `messages()`, with one `--check-route-param`.
    static func audit() throws -> DialogAudit {
        var tracker = DialogTracker()
        var dialogs: [Dialog] = []
        for message in messages() { tracker.ingest(message) { dialogs.append($0) } }
        tracker.finish { dialogs.append($0) }
        let dialog = try #require(dialogs.first)
        return try Auditor(checkRouteParams: ["nat=yes"]).audit(dialog)
    }
}
