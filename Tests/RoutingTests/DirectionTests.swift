import Routing
import Testing

@Suite struct DirectionTests {
    @Test func ftagAgainstFromTag() {
        #expect(Direction.kamailio(routedParams: "lr;ftag=a1", fromTag: "a1") == .downstream)
        #expect(Direction.kamailio(routedParams: "lr;ftag=a1", fromTag: "b2") == .upstream)
        // Case-sensitive comparison (rr-spec §6 #30).
        #expect(Direction.kamailio(routedParams: "lr;ftag=A1", fromTag: "a1") == .upstream)
    }

    @Test func missingOrEmptyFtagOrFromTagIsDownstream() {
        #expect(Direction.kamailio(routedParams: nil, fromTag: "a1") == .downstream)
        #expect(Direction.kamailio(routedParams: "lr", fromTag: "a1") == .downstream)
        #expect(Direction.kamailio(routedParams: "lr;FTAG=zz", fromTag: "a1") == .downstream)
        #expect(Direction.kamailio(routedParams: "lr;ftag=;x=1", fromTag: "a1") == .downstream)
        #expect(Direction.kamailio(routedParams: "lr;ftag=zz", fromTag: nil) == .downstream)
    }

    @Test func trueDirectionFromDialogTags() {
        #expect(Direction.trueDirection(fromTag: "a1", toTag: "b2", dialogCallerTag: "a1") == .downstream)
        #expect(Direction.trueDirection(fromTag: "b2", toTag: "a1", dialogCallerTag: "a1") == .upstream)
        #expect(Direction.trueDirection(fromTag: "x", toTag: "y", dialogCallerTag: "a1") == nil)
    }
}
