import Capture
import Dialogs
import Routing
import SIP
import Testing
import Transport
@testable import Audit

/// One copy of a request on one leg of its path, as text fields a test can alter before the
/// messages are written: where it goes and what Request-URI and Route it carries.
struct RequestCopy {
    var source: String
    var destination: String
    var transport: TransportProtocol = .udp
    var requestURI: String
    var route: [String]
    /// Via values top first (the sender's own first).
    var vias: [String]
}

/// A proxy on the test call's path: its address and the Record-Route values it inserts.
struct TestProxy {
    var address: String
    var recordRoute: [String]
    /// Where it sends from when it changes interface/transport (defaults to `address`).
    var sendAddress: String? = nil
    var sendTransport: TransportProtocol = .udp
}

/// Builds a call between alice and bob through a chain of proxies out of real SIP text, runs it
/// through the Dialogs tracker and audits the resulting dialog. By default every element behaves
/// correctly (RFC 3261 UAs, Kamailio-like proxies popping their own entries); tests alter the
/// copies or the mirrored Record-Route to create one defect at a time.
struct CallScenario {
    static let alice = "127.0.0.1:5061"
    static let bob = "127.0.0.2:5062"
    static let aliceContact = "sip:alice@127.0.0.1:5061"
    static let bobContact = "sip:bob@127.0.0.2:5062"
    /// The Contact bob answers with (his remote target for alice).
    var bobContact = CallScenario.bobContact
    /// The INVITE's Via stack at bob, top first (CANCEL and failure ACK reuse its branches).
    var inviteVias: [String] = []

    var proxies: [TestProxy]
    var messages: [ObservedMessage] = []
    var frame = 0
    var time = 1_700_000_000.0
    var callID = "audit-call-1"
    var branchCounter = 0
    /// Record-Route as bob received it (set by `establish`).
    var recordRouteAtBob: [String] = []
    /// Record-Route as alice received it (set by `establish`).
    var recordRouteAtAlice: [String] = []

    init(proxies: [TestProxy]) {
        self.proxies = proxies
    }

    /// alice → P1 (127.0.0.10) → bob, P1 record-routing with ftag.
    static func oneProxy(recordRoute: [String] = ["<sip:127.0.0.10;lr;ftag=A>"]) -> CallScenario {
        CallScenario(proxies: [TestProxy(address: "127.0.0.10:5060", recordRoute: recordRoute)])
    }

    /// alice → P1 (127.0.0.10) → P2 (127.0.0.20) → bob, both record-routing with ftag.
    static func twoProxies() -> CallScenario {
        CallScenario(proxies: [
            TestProxy(address: "127.0.0.10:5060", recordRoute: ["<sip:127.0.0.10;lr;ftag=A>"]),
            TestProxy(address: "127.0.0.20:5060", recordRoute: ["<sip:127.0.0.20;lr;ftag=A;nat=yes>"]),
        ])
    }

    // MARK: Writing messages

    mutating func nextBranch() -> String {
        branchCounter += 1
        return "z9hG4bK\(branchCounter)x"
    }

    static func via(_ address: String, _ branch: String, _ transport: TransportProtocol = .udp) -> String {
        "SIP/2.0/\(transport.rawValue.uppercased()) \(address);branch=\(branch)"
    }

    mutating func send(_ lines: [String], from source: String, to destination: String,
                       transport: TransportProtocol = .udp) {
        frame += 1
        time += 0.01
        let text = lines.joined(separator: "\r\n") + "\r\nContent-Length: 0\r\n\r\n"
        guard let message = try? SIPParser.parse(Array(text.utf8)),
              let src = Endpoint(proxyAddress: source), let dst = Endpoint(proxyAddress: destination) else {
            Issue.record("test message does not parse: \(lines.first ?? "")")
            return
        }
        let whole = time.rounded(.down)
        messages.append(ObservedMessage(
            message: message, flow: Flow(source: src, destination: dst, transport: transport),
            time: CaptureTime(seconds: Int64(whole), nanoseconds: Int32((time - whole) * 1e9)), frames: [frame]))
    }

    func headers(method: String, cseq: Int, fromCaller: Bool, toTag: String?) -> [String] {
        let alice = "<sip:alice@a.example>;tag=A"
        let bob = "<sip:bob@b.example>" + (toTag.map { ";tag=\($0)" } ?? "")
        return ["From: \(fromCaller ? alice : bob)", "To: \(fromCaller ? bob : alice)",
                "Call-ID: \(callID)", "CSeq: \(cseq) \(method)", "Max-Forwards: 70"]
    }

    mutating func send(_ copy: RequestCopy, method: String, cseq: Int, fromCaller: Bool, toTag: String?,
                       extra: [String] = []) {
        send(["\(method) \(copy.requestURI) SIP/2.0"] + copy.vias.map { "Via: \($0)" }
             + headers(method: method, cseq: cseq, fromCaller: fromCaller, toTag: toTag)
             + copy.route.map { "Route: \($0)" } + extra,
             from: copy.source, to: copy.destination, transport: copy.transport)
    }

    // MARK: Dialog set-up

    /// INVITE down the chain (each proxy adding its Record-Route on top), 180 and 200 back from
    /// bob with the Record-Route `mirror` makes of what he received, then the ACK.
    /// `alterForwarded` may change the Record-Route a proxy forwards (index of the proxy);
    /// `alterResponse` the Record-Route of the responses on a leg (leg i ends at proxy i or bob).
    mutating func establish(answer: Bool = true, mirror: ([String]) -> [String] = { $0 },
                            preloadedRoute: [String] = [],
                            alterForwarded: (Int, inout [String]) -> Void = { _, _ in },
                            alterResponse: (Int, inout [String]) -> Void = { _, _ in }) {
        // Leg i runs from alice or proxy i-1 to proxy i or bob.
        let sources = [Self.alice] + proxies.map { $0.sendAddress ?? $0.address }
        let destinations = proxies.map(\.address) + [Self.bob]
        let transports = [TransportProtocol.udp] + proxies.map(\.sendTransport)
        var vias = [Self.via(Self.alice, nextBranch())]
        var recordRoute: [String] = []
        var route = preloadedRoute
        for leg in destinations.indices {
            send(RequestCopy(source: sources[leg], destination: destinations[leg], transport: transports[leg],
                             requestURI: Self.bobContact, route: route, vias: vias),
                 method: "INVITE", cseq: 1, fromCaller: true, toTag: nil,
                 extra: ["Contact: <\(Self.aliceContact)>"] + recordRoute.map { "Record-Route: \($0)" })
            guard leg < proxies.count else { break }
            let host = String(proxies[leg].address.split(separator: ":")[0])
            route.removeAll { $0.contains(host) }
            vias.insert(Self.via(sources[leg + 1], nextBranch(), transports[leg + 1]), at: 0)
            var forwarded = proxies[leg].recordRoute + recordRoute
            alterForwarded(leg, &forwarded)
            recordRoute = forwarded
        }
        recordRouteAtBob = recordRoute
        inviteVias = vias
        var answered = mirror(recordRoute)
        let mirrored = answered
        for status in answer ? ["180 Ringing", "200 OK"] : ["180 Ringing"] {
            answered = mirrored
            for leg in destinations.indices.reversed() {
                alterResponse(leg, &answered)
                send(["SIP/2.0 \(status)"] + vias.suffix(leg + 1).map { "Via: \($0)" }
                     + headers(method: "INVITE", cseq: 1, fromCaller: true, toTag: "B")
                     + ["Contact: <\(bobContact)>"] + answered.map { "Record-Route: \($0)" },
                     from: destinations[leg], to: sources[leg], transport: transports[leg])
            }
        }
        recordRouteAtAlice = answered
        if answer { request("ACK", cseq: 1, fromCaller: true) }
    }

    /// The copies of a request that travels hop by hop with the INVITE (CANCEL, ACK to a
    /// failure), before any alteration: same Request-URI, Route and Via branch per leg.
    func inviteTransactionCopies() -> [RequestCopy] {
        let sources = [Self.alice] + proxies.map { $0.sendAddress ?? $0.address }
        let destinations = proxies.map(\.address) + [Self.bob]
        return destinations.indices.map { leg in
            RequestCopy(source: sources[leg], destination: destinations[leg], requestURI: Self.bobContact,
                        route: [], vias: Array(inviteVias.suffix(leg + 1).prefix(1)))
        }
    }

    /// CANCEL of an unanswered INVITE, 487 back, then the ACK to the 487 on every leg;
    /// `alterCancel` and `alterACK` may change the copies.
    mutating func cancel(alterCancel: (inout [RequestCopy]) -> Void = { _ in },
                         alterACK: (inout [RequestCopy]) -> Void = { _ in }) {
        var cancels = inviteTransactionCopies()
        alterCancel(&cancels)
        for copy in cancels { send(copy, method: "CANCEL", cseq: 1, fromCaller: true, toTag: nil) }
        let legs = inviteTransactionCopies()
        for leg in legs.indices.reversed() {
            send(["SIP/2.0 487 Request Terminated"] + inviteVias.suffix(leg + 1).map { "Via: \($0)" }
                 + headers(method: "INVITE", cseq: 1, fromCaller: true, toTag: "B"),
                 from: legs[leg].destination, to: legs[leg].source)
        }
        var acks = legs
        alterACK(&acks)
        for copy in acks { send(copy, method: "ACK", cseq: 1, fromCaller: true, toTag: "B") }
    }

    // MARK: In-dialog requests

    /// The copies of a correctly sent in-dialog request along the chain, before any alteration.
    func correctCopies(fromCaller: Bool) -> [RequestCopy] {
        let routeSet = fromCaller ? Array(recordRouteAtAlice.reversed()) : recordRouteAtBob
        let path = fromCaller ? proxies : proxies.reversed()
        let origin = fromCaller ? Self.alice : Self.bob
        let target = fromCaller ? bobContact : Self.aliceContact
        var copies: [RequestCopy] = []
        var vias = [Self.via(origin, "z9hG4bKua\(fromCaller ? "c" : "b")")]
        var route = routeSet
        var source = origin
        for proxy in path where route.contains(where: proxy.recordRoute.contains) {
            copies.append(RequestCopy(source: source, destination: proxy.address, requestURI: target, route: route, vias: vias))
            route.removeAll(where: proxy.recordRoute.contains)
            source = proxy.address
            vias.insert(Self.via(proxy.address, "z9hG4bKp\(copies.count)\(fromCaller ? "c" : "b")"), at: 0)
        }
        copies.append(RequestCopy(source: source, destination: fromCaller ? Self.bob : Self.alice,
                                  requestURI: target, route: route, vias: vias))
        return copies
    }

    /// Sends an in-dialog request along the chain; `alter` may change any copy (or drop some).
    mutating func request(_ method: String, cseq: Int, fromCaller: Bool,
                          alter: (inout [RequestCopy]) -> Void = { _ in }) {
        var copies = correctCopies(fromCaller: fromCaller)
        alter(&copies)
        // Each request gets its own branches.
        let suffix = "-\(method)\(cseq)"
        for var copy in copies {
            copy.vias = copy.vias.map { $0 + suffix }
            send(copy, method: method, cseq: cseq, fromCaller: fromCaller, toTag: "B")
        }
    }

    // MARK: Running

    func dialogs() -> [Dialog] {
        var tracker = DialogTracker()
        var dialogs: [Dialog] = []
        for message in messages { tracker.ingest(message) { dialogs.append($0) } }
        tracker.finish { dialogs.append($0) }
        return dialogs
    }

    func audit(checkRouteParams: [String] = [], settings: RRSettings = .kamailioDefaults) throws -> DialogAudit {
        let all = dialogs()
        let dialog = try #require(all.first { $0.callID == callID })
        return try Auditor(checkRouteParams: checkRouteParams, rrSettings: settings).audit(dialog)
    }
}

extension DialogAudit {
    /// The codes found, in order, for compact assertions.
    var codes: [FindingCode] { findings.map(\.code) }

    func findings(_ code: FindingCode) -> [Finding] { findings.filter { $0.code == code } }
}
