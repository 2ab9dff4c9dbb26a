#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A mutex with any number of condition variables on it (POSIX threads), for `OrderedWorkQueue`.
///
/// Foundation's `NSCondition` is one lock with one condition: the queues' producer, consumer and
/// workers all waited on it, so every event woke every thread (thousands of needless context
/// switches a second). Here each kind of waiter has a condition of its own, and an event wakes
/// the one thread that can go on.
final class SharedMutex: @unchecked Sendable {
    // @unchecked: the pthread objects are only used through pthread calls, which synchronise.
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>

    init() {
        mutex = .allocate(capacity: 1)
        mutex.initialize(to: pthread_mutex_t())
        pthread_mutex_init(mutex, nil)
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    func lock() { pthread_mutex_lock(mutex) }
    func unlock() { pthread_mutex_unlock(mutex) }

    /// Runs `body` with the mutex locked.
    func withLock<Result>(_ body: () throws -> Result) rethrows -> Result {
        lock()
        defer { unlock() }
        return try body()
    }

    /// A condition variable used with this mutex.
    final class Condition: @unchecked Sendable {
        private let mutex: SharedMutex
        private let condition: UnsafeMutablePointer<pthread_cond_t>

        init(_ mutex: SharedMutex) {
            self.mutex = mutex
            condition = .allocate(capacity: 1)
            condition.initialize(to: pthread_cond_t())
            pthread_cond_init(condition, nil)
        }

        deinit {
            pthread_cond_destroy(condition)
            condition.deallocate()
        }

        /// Waits for a signal (the mutex must be locked; it is again on return). Callers check
        /// what they wait for in a loop: a wait may also end without a signal.
        func wait() { pthread_cond_wait(condition, mutex.mutex) }
        /// Wakes one waiting thread.
        func signal() { pthread_cond_signal(condition) }
        /// Wakes every waiting thread.
        func broadcast() { pthread_cond_broadcast(condition) }
    }
}
