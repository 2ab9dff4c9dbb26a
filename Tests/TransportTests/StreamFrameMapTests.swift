import Capture
import Testing
@testable import Transport

@Suite struct StreamFrameMapTests {
    private func time(_ seconds: Int64) -> CaptureTime { CaptureTime(seconds: seconds, nanoseconds: 0) }

    @Test func framesCarryingARange() {
        var map = StreamFrameMap()
        map.record(offset: 0, frame: 4, time: time(4))
        map.record(offset: 100, frame: 2, time: time(2))   // delivered later from the out-of-order buffer
        map.record(offset: 150, frame: 7, time: time(7))
        map.record(offset: 200, frame: 7, time: time(7))   // the same frame split around a buffered piece
        let all = map.frames(carrying: 50..<260, streamEnd: 300)
        #expect(all.frames == [2, 4, 7])
        #expect(all.time == time(7))
        #expect(map.frames(carrying: 100..<150, streamEnd: 300).frames == [2])
        #expect(map.frame(at: 120) == 2)
        #expect(map.frame(at: 299) == 7)
    }

    @Test func discardKeepsTheMarkerCoveringTheOffset() {
        var map = StreamFrameMap()
        map.record(offset: 0, frame: 1, time: time(1))
        map.record(offset: 10, frame: 2, time: time(2))
        map.record(offset: 20, frame: 3, time: time(3))
        map.discard(before: 15, streamEnd: 30)
        #expect(map.frames(carrying: 15..<30, streamEnd: 30).frames == [2, 3])
        map.discard(before: 30, streamEnd: 30)
        #expect(map.frames(carrying: 0..<30, streamEnd: 30).frames.isEmpty)
    }
}
