import Capture
import Dialogs
import SIP
import Testing
import Transport

/// Builds hand-written SIP message sequences for the dialog tests: each `send` parses the text
/// with the real parser and stamps it with a flow, a frame number and a capture time.
struct SIPScenario {
    var messages: [ObservedMessage] = []
    var frame = 0
    var time = 1_700_000_000.0

    /// Appends one message sent from `source` to `destination` (`ip:port`), one frame later and
    /// `after` seconds later.
    mutating func send(_ lines: [String], from source: String, to destination: String,
                       transport: TransportProtocol = .udp, after: Double = 0.01) {
        frame += 1
        time += after
        let text = lines.joined(separator: "\r\n") + "\r\nContent-Length: 0\r\n\r\n"
        guard let message = try? SIPParser.parse(Array(text.utf8)),
              let src = Endpoint(proxyAddress: source), let dst = Endpoint(proxyAddress: destination) else {
            Issue.record("test message does not parse: \(lines.first ?? "")")
            return
        }
        let whole = time.rounded(.down)
        messages.append(ObservedMessage(
            message: message, flow: Flow(source: src, destination: dst, transport: transport),
            time: CaptureTime(seconds: Int64(whole), nanoseconds: Int32((time - whole) * 1e9)),
            frames: [frame]))
    }

    /// Runs the messages through a tracker; returns the dialogs in emission order and the tracker.
    func run(_ configuration: DialogTracker.Configuration = .init(), finish: Bool = true) -> ([Dialog], DialogTracker) {
        var tracker = DialogTracker(configuration: configuration)
        var dialogs: [Dialog] = []
        for message in messages { tracker.ingest(message) { dialogs.append($0) } }
        if finish { tracker.finish { dialogs.append($0) } }
        return (dialogs, tracker)
    }
}

/// Header lines shared by the tests' call between alice (127.0.0.1:5061) and bob
/// (127.0.0.2:5062) through a proxy at 127.0.0.10:5060.
enum Call {
    static let alice = "127.0.0.1:5061"
    static let bob = "127.0.0.2:5062"
    static let proxy = "127.0.0.10:5060"
    static let rr = "<sip:127.0.0.10;lr;ftag=A>"

    static func via(_ branch: String, _ host: String = "127.0.0.1:5061") -> String {
        "Via: SIP/2.0/UDP \(host);branch=z9hG4bK\(branch)"
    }

    static let proxyVia = "127.0.0.10"

    static func headers(cseq: Int, _ method: String, from: String = "<sip:alice@a.example>;tag=A",
                        to: String = "<sip:bob@b.example>", callID: String = "call-1") -> [String] {
        ["From: \(from)", "To: \(to)", "Call-ID: \(callID)", "CSeq: \(cseq) \(method)"]
    }
}
