import Dialogs

/// The call most tracker tests start from, and its usual end.
extension SIPScenario {
    /// alice → proxy → bob INVITE with one Record-Route, answered 180/200, ACK; the INVITE is
    /// retransmitted once by alice. Returns the scenario after the ACK.
    static func establishedCall(record rr: [String] = [Call.rr], callID: String = "call-1") -> SIPScenario {
        var s = SIPScenario()
        let h = { (cseq: Int, method: String, to: String) in Call.headers(cseq: cseq, method, to: to, callID: callID) }
        let invite1 = [Call.via("c1")] + h(1, "INVITE", "<sip:bob@b.example>") + ["Contact: <sip:alice@127.0.0.1:5061>"]
        let invite2 = [Call.via("p1", Call.proxyVia), Call.via("c1") + ";received=127.0.0.1"]
            + h(1, "INVITE", "<sip:bob@b.example>") + ["Contact: <sip:alice@127.0.0.1:5061>"]
            + rr.map { "Record-Route: \($0)" }
        s.send(["INVITE sip:bob@b.example SIP/2.0"] + invite1, from: Call.alice, to: Call.proxy)          // 1
        s.send(["INVITE sip:bob@127.0.0.2:5062 SIP/2.0"] + invite2, from: Call.proxy, to: Call.bob)      // 2
        s.send(["INVITE sip:bob@b.example SIP/2.0"] + invite1, from: Call.alice, to: Call.proxy, after: 0.5) // 3 retransmission
        let tagged = "<sip:bob@b.example>;tag=B"
        let atBob = [Call.via("p1", Call.proxyVia), Call.via("c1") + ";received=127.0.0.1"] + h(1, "INVITE", tagged)
            + rr.map { "Record-Route: \($0)" }
        let atAlice = [Call.via("c1") + ";received=127.0.0.1"] + h(1, "INVITE", tagged) + rr.map { "Record-Route: \($0)" }
        s.send(["SIP/2.0 180 Ringing"] + atBob, from: Call.bob, to: Call.proxy)                           // 4
        s.send(["SIP/2.0 180 Ringing"] + atAlice, from: Call.proxy, to: Call.alice)                       // 5
        s.send(["SIP/2.0 200 OK"] + atBob + ["Contact: <sip:bob@127.0.0.2:5062>"], from: Call.bob, to: Call.proxy)     // 6
        s.send(["SIP/2.0 200 OK"] + atAlice + ["Contact: <sip:bob@127.0.0.2:5062>"], from: Call.proxy, to: Call.alice) // 7
        let route = rr.reversed().map { "Route: \($0)" }
        s.send(["ACK sip:bob@127.0.0.2:5062 SIP/2.0", Call.via("c2")] + h(1, "ACK", tagged) + route,
               from: Call.alice, to: Call.proxy)                                                           // 8
        s.send(["ACK sip:bob@127.0.0.2:5062 SIP/2.0", Call.via("p2", Call.proxyVia), Call.via("c2")] + h(1, "ACK", tagged),
               from: Call.proxy, to: Call.bob)                                                             // 9
        return s
    }

    /// bob hangs up through the proxy; both copies of BYE and of its 200.
    mutating func byeFromBob(callID: String = "call-1") {
        let h = Call.headers(cseq: 7, "BYE", from: "<sip:bob@b.example>;tag=B", to: "<sip:alice@a.example>;tag=A", callID: callID)
        let bobVia = Call.via("b1", Call.bob)
        send(["BYE sip:alice@127.0.0.1:5061 SIP/2.0", bobVia] + h + ["Route: \(Call.rr)"], from: Call.bob, to: Call.proxy)
        send(["BYE sip:alice@127.0.0.1:5061 SIP/2.0", Call.via("p3", Call.proxyVia), bobVia] + h, from: Call.proxy, to: Call.alice)
        send(["SIP/2.0 200 OK", Call.via("p3", Call.proxyVia), bobVia] + h, from: Call.alice, to: Call.proxy)
        send(["SIP/2.0 200 OK", bobVia] + h, from: Call.proxy, to: Call.bob)
    }
}
