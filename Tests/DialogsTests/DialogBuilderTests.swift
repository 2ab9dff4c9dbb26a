import Capture
import Dialogs
import SIP
import Testing
import Transport

@Test func aRequestsResponsesAreListedInTimeOrderWhenCapturedOutOfIt() throws {
    var s = SIPScenario()
    let h = { (to: String) in Call.headers(cseq: 1, "INVITE", to: to) }
    let via = Call.via("c1")
    let tagged = "<sip:bob@b.example>;tag=B"
    s.send(["INVITE sip:bob@b.example SIP/2.0", via] + h("<sip:bob@b.example>") + ["Contact: <sip:alice@127.0.0.1:5061>"],
           from: Call.alice, to: Call.bob)                                                                   // 1
    s.send(["SIP/2.0 100 Trying", via] + h("<sip:bob@b.example>"), from: Call.bob, to: Call.alice)           // 2
    s.send(["SIP/2.0 180 Ringing", via] + h(tagged), from: Call.bob, to: Call.alice)                         // 3
    s.send(["SIP/2.0 200 OK", via] + h(tagged) + ["Contact: <sip:bob@127.0.0.2:5062>"], from: Call.bob, to: Call.alice) // 4
    // Frame 3 carries a capture time after frame 4's (as in a merged or reordered capture).
    s.messages[2].time = s.messages[3].time.adding(seconds: 0.001)
    let (dialogs, _) = s.run()
    let initial = try #require(dialogs.first?.initialRequest)
    #expect(initial.responses.map(\.frame) == [2, 4, 3])

    // In time order already: listed as captured.
    var ordered = s
    ordered.messages[2].time = ordered.messages[1].time
    let (same, _) = ordered.run()
    #expect(try #require(same.first?.initialRequest).responses.map(\.frame) == [2, 3, 4])
}
