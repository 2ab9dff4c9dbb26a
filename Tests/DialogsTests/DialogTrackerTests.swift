import Capture
import Dialogs
import SIP
import Testing
import Transport

@Test func callThroughRecordRoutingProxy() throws {
    var s = SIPScenario.establishedCall()
    s.byeFromBob()
    let (dialogs, tracker) = s.run()
    #expect(dialogs.count == 1)
    let dialog = try #require(dialogs.first)
    #expect(dialog.callID == "call-1")
    #expect(dialog.callerTag == "A")
    #expect(dialog.calleeTag == "B")
    #expect(dialog.method == .invite)
    #expect(dialog.state == .terminated)
    #expect(dialog.firstFrame == 1 && dialog.lastFrame == 13)
    #expect(dialog.caller.uri == "sip:alice@a.example")
    #expect(dialog.caller.endpoint?.description == "127.0.0.1:5061/udp")
    #expect(dialog.callee.endpoint?.description == "127.0.0.2:5062/udp")
    #expect(dialog.callee.contact == "sip:bob@127.0.0.2:5062")
    #expect(dialog.recordRouteAtCallee == [Call.rr])
    #expect(dialog.recordRouteAtCaller == [Call.rr])
    #expect(dialog.routeSet == RouteSets(caller: [Call.rr], callee: [Call.rr]))
    #expect(dialog.remoteTarget == RemoteTargets(caller: "sip:bob@127.0.0.2:5062", callee: "sip:alice@127.0.0.1:5061"))

    #expect(dialog.proxies.count == 1)
    let proxy = try #require(dialog.proxies.first)
    #expect(proxy.addresses.map(\.description) == ["127.0.0.10:5060/udp"])
    #expect(proxy.recordRoute == [Call.rr])
    #expect(!proxy.isDoubleRecordRoute)
    #expect(proxy.recordRouteParameters.map(\.name) == ["ftag"])

    let initial = try #require(dialog.initialRequest)
    #expect(initial.role == .initial)
    #expect(initial.copies.map(\.frame) == [1, 2])
    #expect(initial.retransmittedFrames == [3])
    #expect(initial.hops.count == 1)
    #expect(initial.hops.first?.outgoing?.frame == 2)
    #expect(initial.responses.map(\.frame) == [4, 5, 6, 7])

    #expect(dialog.requests.map(\.method) == [.ack, .bye])
    let ack = dialog.requests[0], bye = dialog.requests[1]
    #expect(ack.role == .inDialog && ack.direction == .downstream)
    #expect(ack.copies.map(\.frame) == [8, 9])
    #expect(ack.hops.map { $0.outgoing?.frame } == [9])
    #expect(ack.remoteTarget == "sip:bob@127.0.0.2:5062")
    #expect(bye.direction == .upstream)
    #expect(bye.hops.first?.incoming.frame == 10)
    #expect(bye.remoteTarget == "sip:alice@127.0.0.1:5061")
    #expect(bye.responses.count == 2)
    #expect(tracker.statistics.reportedCalls == 1)
    #expect(tracker.openCalls == 0)
}

@Test func cancelledCallKeepsCancelAndFailureAckAsHopByHopRequests() throws {
    var s = SIPScenario()
    let h = { (cseq: Int, method: String, to: String) in Call.headers(cseq: cseq, method, to: to) }
    let aliceVia = Call.via("c1"), proxyVia = Call.via("p1", Call.proxyVia)
    s.send(["INVITE sip:bob@b.example SIP/2.0", aliceVia] + h(1, "INVITE", "<sip:bob@b.example>"), from: Call.alice, to: Call.proxy)
    s.send(["INVITE sip:bob@b.example SIP/2.0", proxyVia, aliceVia] + h(1, "INVITE", "<sip:bob@b.example>")
           + ["Record-Route: \(Call.rr)"], from: Call.proxy, to: Call.bob)
    s.send(["SIP/2.0 180 Ringing", proxyVia, aliceVia] + h(1, "INVITE", "<sip:bob@b.example>;tag=B")
           + ["Record-Route: \(Call.rr)", "Contact: <sip:bob@127.0.0.2:5062>"], from: Call.bob, to: Call.proxy)
    // CANCEL: one Via each, equal to the top Via of the INVITE that hop sent (RFC 3261 9.1).
    s.send(["CANCEL sip:bob@b.example SIP/2.0", aliceVia] + h(1, "CANCEL", "<sip:bob@b.example>"), from: Call.alice, to: Call.proxy)
    s.send(["CANCEL sip:bob@b.example SIP/2.0", proxyVia] + h(1, "CANCEL", "<sip:bob@b.example>"), from: Call.proxy, to: Call.bob)
    s.send(["SIP/2.0 200 OK", proxyVia] + h(1, "CANCEL", "<sip:bob@b.example>;tag=B"), from: Call.bob, to: Call.proxy)
    s.send(["SIP/2.0 487 Request Terminated", proxyVia, aliceVia] + h(1, "INVITE", "<sip:bob@b.example>;tag=B"),
           from: Call.bob, to: Call.proxy)
    s.send(["ACK sip:bob@b.example SIP/2.0", proxyVia] + h(1, "ACK", "<sip:bob@b.example>;tag=B"), from: Call.proxy, to: Call.bob)
    s.send(["SIP/2.0 487 Request Terminated", aliceVia] + h(1, "INVITE", "<sip:bob@b.example>;tag=B"), from: Call.proxy, to: Call.alice)
    s.send(["ACK sip:bob@b.example SIP/2.0", aliceVia] + h(1, "ACK", "<sip:bob@b.example>;tag=B"), from: Call.alice, to: Call.proxy)

    let (dialogs, _) = s.run()
    let dialog = try #require(dialogs.first)
    #expect(dialogs.count == 1)
    #expect(dialog.state == .cancelled)
    #expect(dialog.calleeTag == "B")
    // The early dialog's Record-Route and Contact come from the 180.
    #expect(dialog.recordRouteAtCaller == [Call.rr])
    #expect(dialog.callee.contact == "sip:bob@127.0.0.2:5062")
    let cancel = try #require(dialog.requests.first { $0.role == .cancel })
    #expect(cancel.copies.map(\.frame) == [4, 5])
    #expect(cancel.hops.map { $0.outgoing?.frame } == [5])
    #expect(cancel.responses.map(\.frame) == [6])
    let ack = try #require(dialog.requests.first { $0.method == .ack })
    #expect(ack.role == .failureACK)
    // The proxy ACKed the 487 itself (frame 8) before alice's ACK (frame 10), which it absorbs.
    #expect(ack.copies.map(\.frame) == [8, 10])
    #expect(ack.hops.map(\.incoming.frame) == [10])
    #expect(ack.hops.map { $0.outgoing?.frame } == [nil])
    #expect(!dialog.requests.contains { $0.role == .inDialog })
}

@Test func rejectedCallAckIsPartOfTheInviteTransaction() throws {
    var s = SIPScenario()
    let h = { (method: String, to: String) in Call.headers(cseq: 1, method, to: to) }
    s.send(["INVITE sip:bob@127.0.0.2:5062 SIP/2.0", Call.via("c1")] + h("INVITE", "<sip:bob@b.example>"), from: Call.alice, to: Call.bob)
    s.send(["SIP/2.0 486 Busy Here", Call.via("c1")] + h("INVITE", "<sip:bob@b.example>;tag=B"), from: Call.bob, to: Call.alice)
    s.send(["ACK sip:bob@127.0.0.2:5062 SIP/2.0", Call.via("c1")] + h("ACK", "<sip:bob@b.example>;tag=B"), from: Call.alice, to: Call.bob)
    let (dialogs, _) = s.run()
    let dialog = try #require(dialogs.first)
    #expect(dialog.state == .rejected)
    #expect(dialog.calleeTag == "B")
    #expect(dialog.proxies.isEmpty)
    #expect(dialog.requests.map(\.role) == [.failureACK])
}

@Test func ackToTwoHundredIsInDialogEvenWithoutProxy() throws {
    var s = SIPScenario()
    let tagged = "<sip:bob@b.example>;tag=B"
    s.send(["INVITE sip:bob@127.0.0.2:5062 SIP/2.0", Call.via("c1")] + Call.headers(cseq: 1, "INVITE"), from: Call.alice, to: Call.bob)
    s.send(["SIP/2.0 200 OK", Call.via("c1")] + Call.headers(cseq: 1, "INVITE", to: tagged) + ["Contact: <sip:bob@127.0.0.2:5062>"],
           from: Call.bob, to: Call.alice)
    s.send(["ACK sip:bob@127.0.0.2:5062 SIP/2.0", Call.via("c2")] + Call.headers(cseq: 1, "ACK", to: tagged), from: Call.alice, to: Call.bob)
    let (dialogs, _) = s.run()
    let dialog = try #require(dialogs.first)
    #expect(dialog.state == .confirmed)
    #expect(dialog.end == .endOfInput)
    #expect(dialog.requests.map(\.role) == [.inDialog])
    #expect(dialog.routeSet == RouteSets(caller: [], callee: []))
}

@Test func forkedInviteGivesOneDialogPerConfirmedTagAndRecordsEarlyForks() throws {
    var s = SIPScenario()
    let alice = Call.via("c1"), toA = Call.via("pa", Call.proxyVia), toB = Call.via("pb", Call.proxyVia)
    let h = { (method: String, to: String) in Call.headers(cseq: 1, method, to: to) }
    let bob2 = "127.0.0.3:5063"
    s.send(["INVITE sip:bob@b.example SIP/2.0", alice] + h("INVITE", "<sip:bob@b.example>"), from: Call.alice, to: Call.proxy)
    s.send(["INVITE sip:bob@127.0.0.2:5062 SIP/2.0", toA, alice] + h("INVITE", "<sip:bob@b.example>") + ["Record-Route: \(Call.rr)"],
           from: Call.proxy, to: Call.bob)
    s.send(["INVITE sip:bob@127.0.0.3:5063 SIP/2.0", toB, alice] + h("INVITE", "<sip:bob@b.example>") + ["Record-Route: \(Call.rr)"],
           from: Call.proxy, to: bob2)
    s.send(["SIP/2.0 180 Ringing", toA, alice] + h("INVITE", "<sip:bob@b.example>;tag=X"), from: Call.bob, to: Call.proxy)
    s.send(["SIP/2.0 180 Ringing", alice] + h("INVITE", "<sip:bob@b.example>;tag=X"), from: Call.proxy, to: Call.alice)
    s.send(["SIP/2.0 200 OK", toB, alice] + h("INVITE", "<sip:bob@b.example>;tag=Y") + ["Contact: <sip:bob@127.0.0.3:5063>", "Record-Route: \(Call.rr)"],
           from: bob2, to: Call.proxy)
    s.send(["SIP/2.0 200 OK", alice] + h("INVITE", "<sip:bob@b.example>;tag=Y") + ["Contact: <sip:bob@127.0.0.3:5063>", "Record-Route: \(Call.rr)"],
           from: Call.proxy, to: Call.alice)
    let (dialogs, _) = s.run()
    #expect(dialogs.count == 1)
    let dialog = try #require(dialogs.first)
    #expect(dialog.calleeTag == "Y")
    #expect(dialog.state == .confirmed)
    #expect(dialog.earlyForks == ["X"])
    #expect(dialog.callee.endpoint?.description == "127.0.0.3:5063/udp")
    #expect(dialog.remoteTarget.caller == "sip:bob@127.0.0.3:5063")
    #expect(dialog.initialRequest?.hops.compactMap { $0.outgoing?.frame } == [2, 3])
    #expect(dialog.proxies.count == 1)

    // Both forks answer 2xx: two dialogs.
    var both = s
    both.send(["SIP/2.0 200 OK", toA, alice] + h("INVITE", "<sip:bob@b.example>;tag=X") + ["Contact: <sip:bob@127.0.0.2:5062>"],
              from: Call.bob, to: Call.proxy)
    let (two, _) = both.run()
    #expect(two.map(\.calleeTag) == ["Y", "X"])
    #expect(two.allSatisfy { $0.state == .confirmed && $0.earlyForks.isEmpty })
}

@Test func reInviteFromCalleeRefreshesTheTarget() throws {
    var s = SIPScenario.establishedCall()
    let h = Call.headers(cseq: 5, "INVITE", from: "<sip:bob@b.example>;tag=B", to: "<sip:alice@a.example>;tag=A")
    let bobVia = Call.via("b9", Call.bob)
    s.send(["INVITE sip:alice@127.0.0.1:5061 SIP/2.0", bobVia] + h + ["Route: \(Call.rr)", "Contact: <sip:bob@127.0.0.9:5099>"],
           from: Call.bob, to: Call.proxy)
    s.send(["SIP/2.0 200 OK", bobVia] + h + ["Contact: <sip:alice@127.0.0.8:5088>"], from: Call.proxy, to: Call.bob)
    let bye = Call.headers(cseq: 2, "BYE")
    let tagged = bye.map { $0.hasPrefix("To:") ? "To: <sip:bob@b.example>;tag=B" : $0 }
    s.send(["BYE sip:bob@127.0.0.9:5099 SIP/2.0", Call.via("c3")] + tagged + ["Route: \(Call.rr)"], from: Call.alice, to: Call.proxy)
    let (dialogs, _) = s.run()
    let dialog = try #require(dialogs.first)
    #expect(dialog.remoteTarget == RemoteTargets(caller: "sip:bob@127.0.0.9:5099", callee: "sip:alice@127.0.0.8:5088"))
    let reinvite = try #require(dialog.requests.first { $0.method == .invite })
    #expect(reinvite.direction == .upstream)
    #expect(reinvite.remoteTarget == "sip:alice@127.0.0.1:5061")
    let byeRequest = try #require(dialog.requests.first { $0.method == .bye })
    #expect(byeRequest.remoteTarget == "sip:bob@127.0.0.9:5099")
    #expect(dialog.state == .terminated)
}

@Test func doubleRecordRouteAcrossTransports() throws {
    let pair = ["<sip:127.0.0.10:5060;transport=tcp;r2=on;lr;ftag=A>", "<sip:127.0.0.10;r2=on;lr;ftag=A>"]
    var s = SIPScenario()
    let h = Call.headers(cseq: 1, "INVITE")
    s.send(["INVITE sip:bob@b.example SIP/2.0", Call.via("c1")] + h, from: Call.alice, to: Call.proxy)
    s.send(["INVITE sip:bob@127.0.0.2:5062 SIP/2.0", "Via: SIP/2.0/TCP 127.0.0.10;branch=z9hG4bKp1", Call.via("c1")] + h
           + pair.map { "Record-Route: \($0)" }, from: "127.0.0.10:40000", to: Call.bob, transport: .tcp)
    let (dialogs, _) = s.run()
    let proxy = try #require(dialogs.first?.proxies.first)
    #expect(proxy.isDoubleRecordRoute)
    #expect(proxy.recordRoute == pair)
    #expect(proxy.addresses.map(\.description) == ["127.0.0.10:5060/udp", "127.0.0.10:40000/tcp"])
    #expect(dialogs.first?.recordRouteAtCallee == pair)
}

@Test func commaJoinedRecordRouteIsSplitPerValue() throws {
    var s = SIPScenario()
    s.send(["INVITE sip:bob@b.example SIP/2.0", Call.via("c1")] + Call.headers(cseq: 1, "INVITE")
           + ["Record-Route: <sip:p2.example;lr>, <sip:p1.example;lr>"], from: Call.proxy, to: Call.bob)
    let (dialogs, _) = s.run()
    #expect(dialogs.first?.recordRouteAtCallee == ["<sip:p2.example;lr>", "<sip:p1.example;lr>"])
    #expect(dialogs.first?.routeSet.callee == ["<sip:p2.example;lr>", "<sip:p1.example;lr>"])
}

@Test func outOfDialogTrafficIsCountedNotKept() {
    var s = SIPScenario()
    s.send(["OPTIONS sip:bob@b.example SIP/2.0", Call.via("o1")] + Call.headers(cseq: 1, "OPTIONS", callID: "o"), from: Call.alice, to: Call.bob)
    s.send(["SIP/2.0 200 OK", Call.via("o1")] + Call.headers(cseq: 1, "OPTIONS", to: "<sip:bob@b.example>;tag=Z", callID: "o"),
           from: Call.bob, to: Call.alice)
    s.send(["REGISTER sip:b.example SIP/2.0", Call.via("r1")] + Call.headers(cseq: 1, "REGISTER", callID: "r"), from: Call.alice, to: Call.bob)
    let (dialogs, tracker) = s.run()
    #expect(dialogs.isEmpty)
    #expect(tracker.statistics.nonDialogMessages == 3)
    #expect(tracker.statistics.messages == 3)
}

@Test func notifyBeforeTwoHundredFormsTheSubscriptionDialog() throws {
    var s = SIPScenario()
    s.send(["SUBSCRIBE sip:bob@b.example SIP/2.0", Call.via("s1")] + Call.headers(cseq: 1, "SUBSCRIBE") + ["Event: presence",
           "Contact: <sip:alice@127.0.0.1:5061>"], from: Call.alice, to: Call.bob)
    let notify = Call.headers(cseq: 1, "NOTIFY", from: "<sip:bob@b.example>;tag=N", to: "<sip:alice@a.example>;tag=A")
    s.send(["NOTIFY sip:alice@127.0.0.1:5061 SIP/2.0", Call.via("n1", Call.bob)] + notify
           + ["Event: presence", "Subscription-State: active", "Contact: <sip:bob@127.0.0.2:5062>"], from: Call.bob, to: Call.alice)
    s.send(["SIP/2.0 200 OK", Call.via("s1")] + Call.headers(cseq: 1, "SUBSCRIBE", to: "<sip:bob@b.example>;tag=N"),
           from: Call.bob, to: Call.alice)
    s.send(["NOTIFY sip:alice@127.0.0.1:5061 SIP/2.0", Call.via("n2", Call.bob)]
           + notify.map { $0.hasPrefix("CSeq") ? "CSeq: 2 NOTIFY" : $0 } + ["Event: presence", "Subscription-State: terminated"],
           from: Call.bob, to: Call.alice)
    let (dialogs, _) = s.run()
    let dialog = try #require(dialogs.first)
    #expect(dialogs.count == 1)
    #expect(dialog.method == .subscribe)
    #expect(dialog.calleeTag == "N")
    #expect(dialog.state == .terminated)
    #expect(dialog.requests.map { $0.direction } == [.upstream, .upstream])
    #expect(dialog.remoteTarget.caller == "sip:bob@127.0.0.2:5062")
}

@Test func captureStartingMidDialogGivesAPartialDialog() throws {
    var s = SIPScenario()
    s.byeFromBob()
    let (dialogs, _) = s.run()
    let dialog = try #require(dialogs.first)
    #expect(dialog.initialRequest == nil)
    #expect(dialog.callerTag == "B")
    #expect(dialog.state == .terminated)
    #expect(dialog.proxies.first?.addresses.first?.description == "127.0.0.10:5060/udp")
    #expect(dialog.requests.first?.hops.first?.outgoing?.frame == 2)
}

@Test func declaredProxyIsListedWithoutObservedHop() throws {
    var s = SIPScenario()
    s.send(["INVITE sip:bob@b.example SIP/2.0", Call.via("c1")] + Call.headers(cseq: 1, "INVITE"), from: Call.alice, to: "127.0.0.20:5070")
    let declared = try #require(Endpoint(proxyAddress: "127.0.0.20:5070"))
    let (dialogs, _) = s.run(.init(declaredProxies: [declared]))
    let proxy = try #require(dialogs.first?.proxies.first)
    #expect(proxy.isDeclared && !proxy.isObserved)
    #expect(dialogs.first?.initialRequest?.hops.count == 1)
    #expect(dialogs.first?.initialRequest?.hops.first?.outgoing == nil)
}

@Test func ackReusingTheInviteBranchAfterTwoHundredIsStillInDialog() throws {
    // Seen in real captures (heplify sip_ipv6_udp.pcap): the ACK to a 2xx keeps the INVITE's branch.
    var s = SIPScenario()
    let tagged = "<sip:bob@b.example>;tag=B"
    s.send(["INVITE sip:bob@127.0.0.2:5062 SIP/2.0", Call.via("c1")] + Call.headers(cseq: 1, "INVITE"), from: Call.alice, to: Call.bob)
    s.send(["SIP/2.0 200 OK", Call.via("c1")] + Call.headers(cseq: 1, "INVITE", to: tagged), from: Call.bob, to: Call.alice)
    s.send(["ACK sip:bob@127.0.0.2:5062 SIP/2.0", Call.via("c1")] + Call.headers(cseq: 1, "ACK", to: tagged), from: Call.alice, to: Call.bob)
    let (dialogs, _) = s.run()
    #expect(dialogs.first?.requests.map(\.role) == [.inDialog])
}

@Test func headersTheParserRejectsStillJoinTheirDialog() throws {
    // Unbracketed IPv6 sent-by in Via and a backslash-quoted display name, both from real captures.
    var s = SIPScenario()
    let via = "Via: SIP/2.0/UDP fe80:0:0:0:21a:a0ff:fe07:32e0:5060;branch=z9hG4bKv6"
    s.send(["INVITE sip:bob@b.example SIP/2.0", via, "From: \\\"arik\\\" <sip:arik@a.example>;tag=A", "To: <sip:bob@b.example>",
            "Call-ID: odd", "CSeq: 1 INVITE"], from: Call.alice, to: Call.bob)
    let (dialogs, tracker) = s.run()
    #expect(tracker.statistics.unusableMessages == 0)
    #expect(dialogs.first?.callerTag == "A")
    #expect(dialogs.first?.caller.uri == "sip:arik@a.example")
}

/// Seen in a real capture (heplify sip_tcp_websocket.pcap): 407, ACK on a new branch, retry.
/// Here `forks` early forks (180 with a tag each) answer the INVITE before the 407, and the
/// retry's 200 is ACKed on a new branch too. More than sixteen responses take the copy graph's
/// hashed look-ups, fewer its scans.
private func challengedCall(forks: Int) -> SIPScenario {
    var s = SIPScenario()
    s.send(["INVITE sip:bob@b.example SIP/2.0", Call.via("c1")] + Call.headers(cseq: 1, "INVITE"), from: Call.alice, to: Call.bob)
    for fork in 0..<forks {
        s.send(["SIP/2.0 180 Ringing", Call.via("c1")] + Call.headers(cseq: 1, "INVITE", to: "<sip:bob@b.example>;tag=F\(fork)"),
               from: Call.bob, to: Call.alice)
    }
    s.send(["SIP/2.0 407 Proxy Authentication Required", Call.via("c1")] + Call.headers(cseq: 1, "INVITE", to: "<sip:bob@b.example>;tag=P"),
           from: Call.bob, to: Call.alice)
    s.send(["ACK sip:bob@b.example SIP/2.0", Call.via("c1-ack")] + Call.headers(cseq: 1, "ACK", to: "<sip:bob@b.example>;tag=P"),
           from: Call.alice, to: Call.bob)
    s.send(["INVITE sip:bob@b.example SIP/2.0", Call.via("c2")] + Call.headers(cseq: 2, "INVITE"), from: Call.alice, to: Call.bob)
    s.send(["SIP/2.0 200 OK", Call.via("c2")] + Call.headers(cseq: 2, "INVITE", to: "<sip:bob@b.example>;tag=B"),
           from: Call.bob, to: Call.alice)
    s.send(["ACK sip:bob@b.example SIP/2.0", Call.via("c2-ack")] + Call.headers(cseq: 2, "ACK", to: "<sip:bob@b.example>;tag=B"),
           from: Call.alice, to: Call.bob)
    return s
}

@Test(arguments: [0, 3, 20])
func anAckToAFailureIsToldAlikeWithFewAndManyResponses(forks: Int) throws {
    let (dialogs, _) = challengedCall(forks: forks).run()
    #expect(dialogs.count == 1)
    let dialog = try #require(dialogs.first)
    #expect(dialog.calleeTag == "B" && dialog.state == .confirmed)
    #expect(dialog.initialRequest?.cseq == 2)
    #expect(dialog.initialRequest?.responses.count == 1)
    // The ACK to the 407 belongs to the first attempt's transaction; the one to the 200 is in the dialog.
    #expect(dialog.requests.map(\.role) == [.failureACK, .inDialog])
    #expect(dialog.requests.map(\.cseq) == [1, 2])
}

@Test func quotedDisplayNamesWithBracketsAndSemicolonsDoNotConfuseTags() throws {
    var s = SIPScenario()
    s.send(["INVITE sip:bob@b.example SIP/2.0", Call.via("q1"), "From: \"Smith <Jr>; x\" <sip:smith@a.example;user=phone>;tag=S",
            "To: sip:bob@b.example", "Call-ID: quoted", "CSeq: 1 INVITE", "Contact: \"C;1\" <sip:smith@127.0.0.1:5061>;expires=60"],
           from: Call.alice, to: Call.bob)
    s.send(["SIP/2.0 180 Ringing", Call.via("q1"), "From: \"Smith <Jr>; x\" <sip:smith@a.example;user=phone>;tag=S",
            "To: sip:bob@b.example;tag=T", "Call-ID: quoted", "CSeq: 1 INVITE"], from: Call.bob, to: Call.alice)
    let (dialogs, _) = s.run()
    let dialog = try #require(dialogs.first)
    #expect(dialog.callerTag == "S")
    #expect(dialog.calleeTag == "T")
    #expect(dialog.caller.uri == "sip:smith@a.example;user=phone")
    #expect(dialog.caller.contact == "sip:smith@127.0.0.1:5061")
    #expect(dialog.callee.uri == "sip:bob@b.example")
}
