#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A mutex with any number of condition variables on it (POSIX threads), for
/// `Analysis.ConcurrentRun` and the live capture's frame queue.
///
/// Foundation's `NSCondition` is one lock with one condition: the queues' producer, consumer and
/// workers all waited on it, so every event woke every thread (thousands of needless context
/// switches a second). Here each kind of waiter has a condition of its own, and an event wakes
/// the one thread that can go on.
public final class SharedMutex: @unchecked Sendable {
    // @unchecked: the pthread objects are only used through pthread calls, which synchronise.
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>

    public init() {
        mutex = .allocate(capacity: 1)
        mutex.initialize(to: pthread_mutex_t())
        pthread_mutex_init(mutex, nil)
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    public func lock() { pthread_mutex_lock(mutex) }
    public func unlock() { pthread_mutex_unlock(mutex) }

    /// Runs `body` with the mutex locked.
    public func withLock<Result>(_ body: () throws -> Result) rethrows -> Result {
        lock()
        defer { unlock() }
        return try body()
    }

    /// A condition variable used with this mutex.
    public final class Condition: @unchecked Sendable {
        private let mutex: SharedMutex
        private let condition: UnsafeMutablePointer<pthread_cond_t>

        public init(_ mutex: SharedMutex) {
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
        public func wait() { pthread_cond_wait(condition, mutex.mutex) }

        /// `wait()`, giving up at `deadline` (wall-clock time, the condition's default clock):
        /// false when the deadline passed.
        public func wait(until deadline: timespec) -> Bool {
            var deadline = deadline
            return pthread_cond_timedwait(condition, mutex.mutex, &deadline) != ETIMEDOUT
        }

        /// The wall-clock time `seconds` from now, for `wait(until:)`.
        public static func deadline(in seconds: Double) -> timespec {
            var now = timespec()
            clock_gettime(CLOCK_REALTIME, &now)
            let nanoseconds = Int(now.tv_nsec) + Int((max(0, seconds) * 1e9).rounded())
            return timespec(tv_sec: now.tv_sec + nanoseconds / 1_000_000_000, tv_nsec: nanoseconds % 1_000_000_000)
        }

        /// Wakes one waiting thread.
        public func signal() { pthread_cond_signal(condition) }
        /// Wakes every waiting thread.
        public func broadcast() { pthread_cond_broadcast(condition) }
    }
}
