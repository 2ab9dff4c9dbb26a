import Glibc
import Synchronization
import Testing
@testable import Reports

@Suite struct DetachedThreadTests {
    @Test func runsTheBodyOnAnotherThread() {
        let mutex = SharedMutex()
        let done = SharedMutex.Condition(mutex)
        let result = Mutex<(ran: Bool, sameThread: Bool)?>(nil)
        let caller = UInt(bitPattern: Int(bitPattern: UnsafeRawPointer(bitPattern: UInt(pthread_self()))))
        DetachedThread.start {
            let current = UInt(bitPattern: Int(bitPattern: UnsafeRawPointer(bitPattern: UInt(pthread_self()))))
            mutex.withLock {
                result.withLock { $0 = (true, current == caller) }
                done.signal()
            }
        }
        // Generous: under a full parallel test run the new thread may wait seconds for a core.
        let deadline = SharedMutex.Condition.deadline(in: 60)
        mutex.withLock {
            while result.withLock({ $0 == nil }) {
                if !done.wait(until: deadline) { break }
            }
        }
        let outcome = result.withLock { $0 }
        #expect(outcome?.ran == true)
        #expect(outcome?.sameThread == false)
    }
}
