import Testing
@testable import Audit

struct RouteSetRuleTests {
    static let p1 = "<sip:127.0.0.10;lr;ftag=A>"
    static let p2 = "<sip:127.0.0.20;lr;ftag=A;nat=yes>"

    /// bob's BYE lists only P2 and P2 sends it straight to alice: P1 is missing and bypassed.
    @Test func entryMissing() throws {
        var call = CallScenario.twoProxies()
        call.establish()
        call.request("BYE", cseq: 2, fromCaller: false) { copies in
            copies[0].route = [Self.p2]
            copies[1].destination = CallScenario.alice
            copies[1].route = []
            copies.removeLast()
        }
        let audit = try call.audit()
        #expect(audit.codes == [.routeSetMismatch, .proxyBypassed])
        let finding = try #require(audit.findings(.routeSetMismatch).first)
        #expect(finding.proxy == "127.0.0.10:5060/udp")
        #expect(finding[evidence: "missing"] == .strings([Self.p1]))
        #expect(finding[evidence: "extra"] == .strings([]))
        #expect(finding.message == "BYE Route misses \(Self.p1)")
    }

    @Test func extraEntry() throws {
        var call = CallScenario.oneProxy()
        call.establish()
        call.request("BYE", cseq: 2, fromCaller: true) { copies in
            copies[0].route = [Self.p1, "<sip:127.0.0.99;lr>"]
            copies[1].route = ["<sip:127.0.0.99;lr>"]
            copies[1].destination = "127.0.0.99:5060"
        }
        let audit = try call.audit()
        let finding = try #require(audit.findings(.routeSetMismatch).first)
        #expect(finding[evidence: "extra"] == .strings(["<sip:127.0.0.99;lr>"]))
        #expect(audit.codes == [.routeSetMismatch])
    }

    /// The caller keeps the 200's Record-Route order: the request goes to P2 first, which pops
    /// itself and sends it back to P1 (sipexer #11).
    @Test func callerDidNotReverse() throws {
        var call = CallScenario.twoProxies()
        call.establish()
        call.request("INFO", cseq: 2, fromCaller: true) { copies in
            let alice = CallScenario.via(CallScenario.alice, "z9hG4bKrev")
            let p2 = CallScenario.via("127.0.0.20:5060", "z9hG4bKrev2")
            let p1 = CallScenario.via("127.0.0.10:5060", "z9hG4bKrev1")
            copies = [
                RequestCopy(source: CallScenario.alice, destination: "127.0.0.20:5060",
                            requestURI: CallScenario.bobContact, route: [Self.p2, Self.p1], vias: [alice]),
                RequestCopy(source: "127.0.0.20:5060", destination: "127.0.0.10:5060",
                            requestURI: CallScenario.bobContact, route: [Self.p1], vias: [p2, alice]),
                RequestCopy(source: "127.0.0.10:5060", destination: CallScenario.bob,
                            requestURI: CallScenario.bobContact, route: [], vias: [p1, p2, alice]),
            ]
        }
        let audit = try call.audit()
        #expect(audit.codes == [.routeNotReversed])
        let finding = try #require(audit.findings.first)
        #expect(finding[evidence: "expected"] == .strings([Self.p1, Self.p2]))
        #expect(finding[evidence: "observed"] == .strings([Self.p2, Self.p1]))
        #expect(finding.proxy == "127.0.0.20:5060/udp")
    }
}
