/// What the `OrderedWorkQueue`s served by one pool of worker threads share: the mutex that
/// guards them all, and the condition the workers wait on for a job in any of them.
final class WorkerPool: Sendable {
    let mutex = SharedMutex()
    /// Workers wait on it for a job in any of the pool's queues.
    let workAvailable: SharedMutex.Condition

    init() { workAvailable = SharedMutex.Condition(mutex) }
}
