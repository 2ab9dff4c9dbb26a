/// Jobs from one producer, done by several workers in any order, results handed to one consumer
/// in the order the jobs came.
///
/// `Analysis.runConcurrently` parses messages and audits ended calls on a pool of threads this
/// way: each message and each call is independent, but the tracker needs the messages, and the
/// report the calls, in capture order. Bounded: `submit` waits while `capacity` jobs, or jobs of
/// `weightLimit` total weight (messages), are between submission and consumption, so memory stays
/// bounded when workers or the consumer lag; a job heavier than the limit alone still passes when
/// nothing else is in flight.
///
/// Queues may share one mutex and one condition their workers wait on (`WorkerPool`), so that a pool
/// of workers can serve several of them (`take(from:or:)`). The producer and the consumer wait on
/// conditions of the queue's own: every event wakes only a thread that can go on.
final class OrderedWorkQueue<Job: Sendable, Result: Sendable>: @unchecked Sendable {
    // @unchecked: every stored property is read and written only while `pool.mutex` is locked.
    private let pool: WorkerPool
    /// The producer waits on it for room.
    private let spaceAvailable: SharedMutex.Condition
    /// The consumer waits on it for the next result in order.
    private let resultReady: SharedMutex.Condition
    /// Submitted jobs no worker took yet, oldest first, with their sequence numbers.
    private var pending: [(sequence: Int, job: Job)] = []
    private var pendingStart = 0
    /// Done jobs the consumer has not taken, by sequence number.
    private var done: [Int: Result] = [:]
    /// Weight of each job between submission and consumption, by sequence number.
    private var weights: [Int: Int] = [:]
    private var inFlightWeight = 0
    private var nextSequence = 0
    private var nextToConsume = 0
    private var closed = false
    /// Jobs between submission and consumption at most before `submit` waits.
    let capacity: Int
    /// Total weight between submission and consumption at most before `submit` waits.
    let weightLimit: Int

    /// - Parameter pool: the mutex and the workers' condition, shared with other queues the same
    ///   workers serve.
    init(capacity: Int, weightLimit: Int = .max, pool: WorkerPool = WorkerPool()) {
        self.capacity = max(1, capacity)
        self.weightLimit = max(1, weightLimit)
        self.pool = pool
        spaceAvailable = SharedMutex.Condition(pool.mutex)
        resultReady = SharedMutex.Condition(pool.mutex)
    }

    /// Jobs submitted and not yet consumed.
    private var inFlight: Int { nextSequence - nextToConsume }

    /// Adds a job, waiting while the queue is full. Ignored once closed.
    func submit(_ job: Job, weight: Int = 1) {
        pool.mutex.withLock {
            while !closed && (inFlight >= capacity || inFlight > 0 && inFlightWeight + weight > weightLimit) {
                spaceAvailable.wait()
            }
            guard !closed else { return }
            pending.append((nextSequence, job))
            weights[nextSequence] = weight
            inFlightWeight += weight
            nextSequence += 1
            pool.workAvailable.signal()
        }
    }

    /// The oldest job no worker took, waiting for one; nil once the queue is closed and no job is
    /// left to take.
    func take() -> (sequence: Int, job: Job)? {
        pool.mutex.withLock {
            while pendingStart == pending.count && !closed { pool.workAvailable.wait() }
            return takeLocked()
        }
    }

    /// What a worker serving two queues of one pool does next: a job of `first` if any is
    /// waiting, else one of `second`, waiting for either; nil once both are closed and have no
    /// job left to take.
    static func take<OtherJob, OtherResult>(
        from first: OrderedWorkQueue, or second: OrderedWorkQueue<OtherJob, OtherResult>
    ) -> Either<(sequence: Int, job: Job), (sequence: Int, job: OtherJob)>? {
        precondition(first.pool === second.pool, "the queues must share their pool")
        return first.pool.mutex.withLock {
            while true {
                if let taken = first.takeLocked() { return .first(taken) }
                if let taken = second.takeLocked() { return .second(taken) }
                if first.closed && second.closed { return nil }
                first.pool.workAvailable.wait()
            }
        }
    }

    /// One of two things (`take(from:or:)`).
    enum Either<First, Second> {
        case first(First)
        case second(Second)
    }

    /// The oldest job no worker took, if any (mutex held).
    private func takeLocked() -> (sequence: Int, job: Job)? {
        guard pendingStart < pending.count else { return nil }
        let taken = pending[pendingStart]
        pendingStart += 1
        if pendingStart == pending.count {
            pending.removeAll(keepingCapacity: true)
            pendingStart = 0
        }
        return taken
    }

    /// Hands in the result of the job `sequence` (from `take`).
    func complete(_ sequence: Int, with result: Result) {
        pool.mutex.withLock {
            done[sequence] = result
            if sequence == nextToConsume { resultReady.signal() }
        }
    }

    /// The result of the next job in submission order, waiting until it is done; nil once the
    /// queue is closed and every submitted job's result was taken.
    func next() -> Result? {
        pool.mutex.withLock {
            while done[nextToConsume] == nil && !(closed && nextToConsume == nextSequence) { resultReady.wait() }
            guard let result = done.removeValue(forKey: nextToConsume) else { return nil }
            inFlightWeight -= weights.removeValue(forKey: nextToConsume) ?? 0
            nextToConsume += 1
            spaceAvailable.signal()
            return result
        }
    }

    /// No more jobs will be submitted: workers' `take` returns nil once the pending ones are
    /// taken, and `next` returns nil once every result was taken.
    func close() {
        pool.mutex.withLock {
            closed = true
            pool.workAvailable.broadcast()
            resultReady.signal()
            spaceAvailable.signal()
        }
    }
}
