import Testing
@testable import Reports

@Suite struct SharedMutexTests {
    @Test func aTimedWaitWithoutSignalEndsAtItsDeadline() {
        let mutex = SharedMutex()
        let condition = SharedMutex.Condition(mutex)
        let start = ContinuousClock.now
        var woken = true
        mutex.withLock {
            // A wait may end early without a signal: wait again until the deadline reports itself.
            let deadline = SharedMutex.Condition.deadline(in: 0.05)
            while woken { woken = condition.wait(until: deadline) }
        }
        #expect(!woken)
        #expect(ContinuousClock.now - start >= .milliseconds(45))
    }

    @Test func deadlinesNormaliseNanoseconds() {
        for seconds in [0, 0.000_000_001, 0.5, 0.999_999_999, 1.5, 3600] {
            let deadline = SharedMutex.Condition.deadline(in: seconds)
            #expect((0..<1_000_000_000).contains(deadline.tv_nsec))
        }
        let past = SharedMutex.Condition.deadline(in: -5)
        let now = SharedMutex.Condition.deadline(in: 0)
        #expect(past.tv_sec <= now.tv_sec)
    }
}
