import Dialogs
import Transport

extension Analysis {
    /// What the threads of `runConcurrently` share, and the rule by which each picks its next
    /// piece of work.
    ///
    /// The calling thread and the helper threads take steps until none is left: parsing a batch
    /// of messages and auditing a batch of ended calls are independent jobs, done by whichever
    /// thread is free. The serial stages are turns, not threads of their own: decoding the next
    /// batch of payloads and tracking the parsed messages in capture order are turns any thread
    /// may take, one at a time each, and emitting the audited calls in the same order is the
    /// calling thread's (`emit` is not Sendable). So there are as many threads as `--threads`
    /// says, and no more than cores: with a thread for each serial stage, two cores ran five, and
    /// a stage that sat in the run queue after its wake-up held up the others while the workers
    /// idled (the audit workers a quarter of their time, on the benchmark's prefix).
    final class ConcurrentRun<Rendered: Sendable>: @unchecked Sendable {
        // @unchecked: the stored properties are read and written only while `mutex` is locked,
        // except `collection`, `pending` and `pendingMessages`, which only the thread holding the
        // tracking turn touches, and `pipeline`, which only the thread holding the decoding turn
        // uses (each turn's flag is set and cleared under the mutex, which orders one holder's
        // writes before the next holder's reads, and the last before the calling thread's last step).
        typealias Parses = OrderedJobs<[DecodedItem], [ReadItem]>
        typealias Audits = OrderedJobs<[StageItem], [StageResult<Rendered>]>

        /// A piece of work any thread may do.
        enum Work {
            /// Decode the next batch of payloads (the decoding turn).
            case decode
            /// Track these parsed messages, in order (the tracking turn).
            case track([ReadItem])
            /// Every message is tracked: end the open calls (the tracking turn, once).
            case finishTracking
            /// Audit these ended calls: job `sequence` of the audit stage.
            case audit(sequence: Int, items: [StageItem])
            /// Parse these payloads: job `sequence` of the parse stage.
            case parse(sequence: Int, items: [DecodedItem])
        }

        /// What the calling thread does next.
        enum CallerStep {
            case work(Work)
            /// Report these audited calls: the next results in capture order.
            case emit([StageResult<Rendered>])
        }

        let pipeline: DecodePipeline
        private let mutex = SharedMutex()
        /// Helper threads wait on it for work.
        private let workAvailable: SharedMutex.Condition
        /// The calling thread waits on it for work or for the next result to emit.
        private let callerWake: SharedMutex.Condition
        private var parses: Parses
        private var audits: Audits
        private var idleHelpers = 0
        private var isCallerWaiting = false
        private var isDecoding = false
        private var isTracking = false
        private var isTrackingFinished = false
        /// The tracker's state, taken out for each turn.
        private var collection: DialogCollection?
        /// Ended calls and problems not yet handed to the audit stage, and their messages.
        private var pending: [StageItem] = []
        private var pendingMessages = 0
        private let readBatchSize: Int
        private let stageBatchSize: Int
        private let stageBatchMessages: Int

        /// - Parameters:
        ///   - parses: the parse stage's bounds (batches of at least `readBatchSize` payloads).
        ///   - audits: the audit stage's bounds (jobs, weighed in messages).
        ///   - stageBatchSize: ended calls (or problems) per audit job at most.
        ///   - stageBatchMessages: messages per audit job at most (unless one call has more).
        init(pipeline: DecodePipeline, collection: DialogCollection, parses: Parses, audits: Audits,
             readBatchSize: Int, stageBatchSize: Int, stageBatchMessages: Int) {
            self.pipeline = pipeline
            self.collection = collection
            self.parses = parses
            self.audits = audits
            self.readBatchSize = max(1, readBatchSize)
            self.stageBatchSize = stageBatchSize
            self.stageBatchMessages = stageBatchMessages
            workAvailable = SharedMutex.Condition(mutex)
            callerWake = SharedMutex.Condition(mutex)
            pending.reserveCapacity(stageBatchSize)
        }

        // MARK: taking steps

        /// A helper thread's next piece of work, waiting for one; nil when no more will come.
        func nextWork() -> Work? {
            mutex.withLock {
                while true {
                    if let work = takeWork() { return work }
                    if isTrackingFinished { return nil }  // and no job is left to take
                    idleHelpers += 1
                    workAvailable.wait()
                    idleHelpers -= 1
                }
            }
        }

        /// The calling thread's next step, waiting for one; nil once every result was emitted.
        /// Emitting comes first: it is what frees the audit stage for more tracking.
        func nextCallerStep() -> CallerStep? {
            mutex.withLock {
                while true {
                    if let results = audits.takeNextResult() { return .emit(results) }
                    if let work = takeWork() { return .work(work) }
                    if audits.isDrained { return nil }
                    isCallerWaiting = true
                    callerWake.wait()
                    isCallerWaiting = false
                }
            }
        }

        /// The next piece of work, if any (mutex held): the tracking turn first, as every later
        /// stage waits for it, then decoding while the parse stage has room, then audits, whose
        /// memory the reports drain, then parsing.
        private func takeWork() -> Work? {
            if !isTracking {
                if audits.hasRoom(for: 0), let parsed = parses.takeNextResult() {
                    isTracking = true
                    return .track(parsed)
                }
                if parses.isDrained && !isTrackingFinished {
                    isTracking = true
                    return .finishTracking
                }
            }
            if !isDecoding && !parses.isClosed && parses.hasRoom() {
                isDecoding = true
                return .decode
            }
            if let job = audits.takeJob() { return .audit(sequence: job.sequence, items: job.job) }
            if let job = parses.takeJob() { return .parse(sequence: job.sequence, items: job.job) }
            return nil
        }

        /// Hands in the result of parse job `sequence`. The thread goes on to ask for work, and
        /// takes the tracking turn itself if the result is the next one and the turn is free.
        func completeParse(_ sequence: Int, with result: [ReadItem]) {
            mutex.withLock { _ = parses.complete(sequence, with: result) }
        }

        /// Hands in the result of audit job `sequence`, waking the calling thread if it waits for
        /// exactly that result.
        func completeAudit(_ sequence: Int, with result: [StageResult<Rendered>]) {
            mutex.withLock {
                if audits.complete(sequence, with: result) && isCallerWaiting { callerWake.signal() }
            }
        }

        // MARK: the decoding turn

        /// Decodes the next batch of payloads and hands it to the parse stage, and ends the turn
        /// (closing the stage once the capture ended).
        func decode() {
            var batch: [DecodedItem] = []
            batch.reserveCapacity(readBatchSize)
            let more = pipeline.decode(atLeast: readBatchSize, emit: { batch.append(.payload($0)) },
                                       problem: { batch.append(.problem($0)) })
            mutex.withLock {
                if !batch.isEmpty {
                    parses.submit(batch)
                    wakeOne()
                }
                if !more {
                    parses.close()
                    wakeAll()  // whoever is free ends the tracking once the last batch is tracked
                }
                isDecoding = false
            }
        }

        // MARK: the tracking turn

        /// Tracks parsed messages in capture order, handing the calls they end to the audit
        /// stage, and ends the turn.
        func track(_ items: [ReadItem]) {
            guard var collection = self.collection.take() else { preconditionFailure("tracked after the last turn") }
            for item in items {
                switch item {
                case .payload(let read):
                    collection.track(read) { add(.call($0), messages: $0.messageCount) }
                case .problem(let decodeProblem):
                    collection.note(decodeProblem)
                    add(.problem(decodeProblem), messages: 0)
                }
            }
            self.collection = collection
            // Calls the tracker reported wait for no later message: the workers get them now.
            submitPending()
            mutex.withLock { isTracking = false }
        }

        /// Ends the calls still open and closes the audit stage: the last turn.
        func finishTracking() {
            guard var collection = self.collection.take() else { preconditionFailure("finished twice") }
            collection.finish { add(.call($0), messages: $0.messageCount) }
            self.collection = collection
            submitPending()
            mutex.withLock {
                audits.close()
                isTracking = false
                isTrackingFinished = true
                wakeAll()
            }
        }

        /// The tracker's state after the last turn (the calling thread, after its last step).
        var finishedCollection: DialogCollection {
            guard let collection else { preconditionFailure("read before the last turn ended") }
            return collection
        }

        /// A sweep ends hundreds of calls at once: they leave in jobs as they come, so that the
        /// workers start on the first while the turn goes on. The audit stage takes them even
        /// when full: they are in memory already, and the turn waits for room before the next
        /// batch of messages instead.
        private func add(_ item: StageItem, messages: Int) {
            pending.append(item)
            pendingMessages += messages
            if pending.count >= stageBatchSize || pendingMessages >= stageBatchMessages { submitPending() }
        }

        private func submitPending() {
            guard !pending.isEmpty else { return }
            let job = pending, weight = pendingMessages
            pending.removeAll(keepingCapacity: true)
            pendingMessages = 0
            mutex.withLock {
                audits.submit(job, weight: weight)
                wakeOne()
            }
        }

        // MARK: waking (mutex held)

        /// Wakes a thread for a new job: an idle helper, else the calling thread if it waits.
        private func wakeOne() {
            if idleHelpers > 0 {
                workAvailable.signal()
            } else if isCallerWaiting {
                callerWake.signal()
            }
        }

        private func wakeAll() {
            workAvailable.broadcast()
            callerWake.signal()
        }
    }
}
