import Capture
import Dialogs
import SIP
import Testing
import Transport

// When the tracker reports a call: after the linger, by expiry, at the message limit, and what
// comes too late for a reported call.

@Test func endedCallIsEmittedAfterLingerAndOpenOneExpires() throws {
    var s = SIPScenario.establishedCall()
    s.byeFromBob()
    // An unrelated call much later advances capture time past the linger.
    s.send(["INVITE sip:carol@c.example SIP/2.0", Call.via("x1")] + Call.headers(cseq: 1, "INVITE", callID: "call-2"),
           from: Call.alice, to: Call.proxy, after: 10)
    let (streamed, tracker) = s.run(.init(dialogTimeout: 60), finish: false)
    #expect(streamed.map(\.callID) == ["call-1"])
    #expect(streamed.first?.end == .ended)
    #expect(tracker.openCalls == 1)

    // call-2 never gets an answer: after the timeout it is reported as expired.
    var later = s
    later.send(["OPTIONS sip:x@x.example SIP/2.0", Call.via("o1")] + Call.headers(cseq: 1, "OPTIONS", callID: "ping"),
               from: Call.alice, to: Call.proxy, after: 120)
    let (all, after) = later.run(.init(dialogTimeout: 60), finish: false)
    #expect(all.map(\.callID) == ["call-1", "call-2"])
    #expect(all.last?.end == .expired)
    #expect(all.last?.state == .early)
    #expect(after.openCalls == 0)
    #expect(after.statistics.expiredCalls == 1)
    #expect(after.statistics.nonDialogMessages == 1)
}

@Test func lateRetransmissionAfterReportIsCountedNotANewDialog() throws {
    var s = SIPScenario.establishedCall()
    s.byeFromBob()
    s.send(["INVITE sip:carol@c.example SIP/2.0", Call.via("x1")] + Call.headers(cseq: 1, "INVITE", callID: "call-2"),
           from: Call.alice, to: Call.proxy, after: 10)
    // bob's BYE 200 arrives again after call-1 was reported.
    let h = Call.headers(cseq: 7, "BYE", from: "<sip:bob@b.example>;tag=B", to: "<sip:alice@a.example>;tag=A")
    s.send(["BYE sip:alice@127.0.0.1:5061 SIP/2.0", Call.via("b1", Call.bob)] + h, from: Call.bob, to: Call.proxy)
    let (dialogs, tracker) = s.run()
    #expect(dialogs.map(\.callID) == ["call-1", "call-2"])
    #expect(tracker.statistics.lateMessages == 1)
}

@Test func inviteRetriedAfterTheLingerStartsANewCallNotALateMessage() throws {
    var s = SIPScenario()
    s.send(["INVITE sip:bob@b.example SIP/2.0", Call.via("c1")] + Call.headers(cseq: 1, "INVITE"), from: Call.alice, to: Call.bob)
    s.send(["SIP/2.0 486 Busy Here", Call.via("c1")] + Call.headers(cseq: 1, "INVITE", to: "<sip:bob@b.example>;tag=P"),
           from: Call.bob, to: Call.alice)
    s.send(["INVITE sip:bob@b.example SIP/2.0", Call.via("c2")] + Call.headers(cseq: 2, "INVITE"), from: Call.alice, to: Call.bob,
           after: 10)
    let (dialogs, tracker) = s.run()
    #expect(dialogs.map(\.state) == [.rejected, .early])
    #expect(tracker.statistics.lateMessages == 0)
}

@Test func retryAfterAChallengeJoinsTheCallWithinHalfAMinute() throws {
    var s = SIPScenario()
    s.send(["INVITE sip:bob@b.example SIP/2.0", Call.via("c1")] + Call.headers(cseq: 1, "INVITE"), from: Call.alice, to: Call.bob)
    s.send(["SIP/2.0 401 Unauthorized", Call.via("c1")] + Call.headers(cseq: 1, "INVITE", to: "<sip:bob@b.example>;tag=P"),
           from: Call.bob, to: Call.alice)
    s.send(["INVITE sip:bob@b.example SIP/2.0", Call.via("c2")] + Call.headers(cseq: 2, "INVITE"), from: Call.alice, to: Call.bob,
           after: 20)
    let (dialogs, _) = s.run()
    #expect(dialogs.count == 1)
    #expect(dialogs.first?.initialRequest?.cseq == 2)
}

@Test func aCallThatNeverEndsIsReportedAtTheMessageLimit() throws {
    var s = SIPScenario.establishedCall()
    for cseq in 2...30 {
        s.send(["INFO sip:bob@127.0.0.2:5062 SIP/2.0", Call.via("i\(cseq)")]
               + Call.headers(cseq: cseq, "INFO", to: "<sip:bob@b.example>;tag=B") + ["Route: \(Call.rr)"],
               from: Call.alice, to: Call.proxy)
    }
    let (dialogs, tracker) = s.run(.init(maxMessagesPerCall: 20), finish: false)
    #expect(dialogs.count == 1)
    #expect(dialogs.first?.end == .messageLimit)
    #expect(tracker.statistics.limitedCalls == 1)
    #expect(tracker.openCalls == 0)
    #expect(tracker.statistics.lateMessages > 0)
}
