import Capture
import Glibc
import Reports
import Testing
@testable import rraudit

@Suite struct FrameQueueTests {
    static func frame(_ number: Int) -> Frame {
        Frame(number: number, time: CaptureTime(seconds: Int64(number), nanoseconds: 0), linkType: LinkType(rawValue: 1),
              bytes: [UInt8(truncatingIfNeeded: number)], originalLength: 1)
    }

    @Test func fullQueueDropsAndCountsInsteadOfBlocking() {
        let queue = FrameQueue(capacity: 2)
        #expect(queue.offer(Self.frame(1)))
        #expect(queue.offer(Self.frame(2)))
        #expect(!queue.offer(Self.frame(3)))
        #expect(queue.dropped == 1)
        guard case .frame(let first) = queue.take(timeout: 0.1) else { Issue.record("no frame"); return }
        #expect(first.number == 1)
        #expect(queue.offer(Self.frame(4)))
        guard case .frame(let second) = queue.take(timeout: 0.1) else { Issue.record("no frame"); return }
        #expect(second.number == 2)
    }

    @Test func emptyQueueTimesOutThenEndsWhenClosed() {
        let queue = FrameQueue(capacity: 4)
        guard case .idle = queue.take(timeout: 0.05) else { Issue.record("expected idle"); return }
        queue.offer(Self.frame(7))
        queue.close()
        #expect(!queue.offer(Self.frame(8)))
        guard case .frame(let frame) = queue.take(timeout: 0.05), frame.number == 7 else { Issue.record("expected frame 7"); return }
        guard case .end = queue.take(timeout: 0.05) else { Issue.record("expected end"); return }
    }

    @Test func aWaitingTakeWakesForAFrameOfferedByAnotherThread() {
        let queue = FrameQueue(capacity: 4)
        DetachedThread.start {
            usleep(20_000)
            queue.offer(Self.frame(5))
        }
        // Generous: under a full parallel test run the offering thread may wait seconds for a core.
        guard case .frame(let frame) = queue.take(timeout: 60), frame.number == 5 else { Issue.record("expected frame 5"); return }
    }
}
