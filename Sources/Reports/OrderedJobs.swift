/// Jobs numbered in the order they come, done in any order, their results taken in that order:
/// the bookkeeping of one stage of `Analysis.runConcurrently` (parsing messages, auditing calls).
///
/// Bounded: `hasRoom(for:)` says whether another job fits while `capacity` jobs, or jobs of
/// `weightLimit` total weight (messages), are between submission and the taking of their result,
/// so that memory stays bounded when the workers or the consumer lag; when nothing is in flight
/// any job fits, however heavy.
///
/// Not synchronised: `Analysis.ConcurrentRun` keeps its stages under one mutex.
struct OrderedJobs<Job, Result> {
    /// Submitted jobs no worker took yet, oldest first, with their sequence numbers.
    private var pending: [(sequence: Int, job: Job)] = []
    private var pendingStart = 0
    /// Done jobs whose result was not taken, by sequence number.
    private var done: [Int: Result] = [:]
    /// Weight of each job between submission and the taking of its result, by sequence number.
    private var weights: [Int: Int] = [:]
    private var inFlightWeight = 0
    private(set) var nextSequence = 0
    private(set) var nextToConsume = 0
    /// No more jobs come.
    private(set) var isClosed = false
    /// Jobs in flight at most before `hasRoom` says no.
    let capacity: Int
    /// Total weight in flight at most before `hasRoom` says no.
    let weightLimit: Int

    init(capacity: Int, weightLimit: Int = .max) {
        self.capacity = max(1, capacity)
        self.weightLimit = max(1, weightLimit)
    }

    /// Jobs submitted whose result was not taken yet.
    var inFlight: Int { nextSequence - nextToConsume }

    /// A submitted job waits for a worker.
    var hasPendingJob: Bool { pendingStart < pending.count }

    /// The result `takeNextResult` would return is there.
    var isNextResultReady: Bool { done[nextToConsume] != nil }

    /// Closed, and every submitted job's result taken.
    var isDrained: Bool { isClosed && nextToConsume == nextSequence }

    /// Whether a job of `weight` fits now.
    func hasRoom(for weight: Int = 1) -> Bool {
        inFlight == 0 || inFlight < capacity && inFlightWeight + weight <= weightLimit
    }

    /// Adds a job whether or not it fits (callers ask `hasRoom` first where they can wait).
    mutating func submit(_ job: Job, weight: Int = 1) {
        pending.append((nextSequence, job))
        weights[nextSequence] = weight
        inFlightWeight += weight
        nextSequence += 1
    }

    /// The oldest job no worker took, if any.
    mutating func takeJob() -> (sequence: Int, job: Job)? {
        guard pendingStart < pending.count else { return nil }
        let taken = pending[pendingStart]
        pendingStart += 1
        if pendingStart == pending.count {
            pending.removeAll(keepingCapacity: true)
            pendingStart = 0
        }
        return taken
    }

    /// Hands in the result of job `sequence` (from `takeJob`); true when it is the result
    /// `takeNextResult` waits for.
    @discardableResult
    mutating func complete(_ sequence: Int, with result: Result) -> Bool {
        done[sequence] = result
        return sequence == nextToConsume
    }

    /// The result of the next job in submission order, if it is done.
    mutating func takeNextResult() -> Result? {
        guard let result = done.removeValue(forKey: nextToConsume) else { return nil }
        inFlightWeight -= weights.removeValue(forKey: nextToConsume) ?? 0
        nextToConsume += 1
        return result
    }

    /// No more jobs will be submitted.
    mutating func close() {
        isClosed = true
    }
}
