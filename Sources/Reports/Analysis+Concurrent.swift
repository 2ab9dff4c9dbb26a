import Audit
import Dialogs
import Transport

extension Analysis {
    /// What the tracking thread hands to the audit workers, in capture order.
    enum StageItem: Sendable {
        /// An ended call, for a worker to assemble and audit.
        case call(EndedCall)
        /// A decode problem, for `problem` (it keeps its place among the calls).
        case problem(DecodeProblem)
    }

    /// What an audit worker hands back for one `StageItem`.
    enum StageResult<Rendered: Sendable>: Sendable {
        /// An ended call's dialogs, assembled, audited and rendered, with the findings the
        /// summary counts.
        case audits([(findings: [Finding], rendered: Rendered)])
        case problem(DecodeProblem)
    }

    /// What the decoding thread hands to the workers to parse, in capture order.
    enum DecodedItem: Sendable {
        case payload(SIPPayload)
        case problem(DecodeProblem)
    }

    /// What the workers hand to the tracking thread for a `DecodedItem`, in capture order.
    enum ReadItem: Sendable {
        case payload(DialogCollection.ReadPayload)
        case problem(DecodeProblem)
    }

    /// The state lent to the decoding thread (`pipeline`) and the tracking thread (`collection`)
    /// for the run, read back only after the last result was taken.
    private final class TrackingStage: @unchecked Sendable {
        // @unchecked: the spawning thread does not touch `collection` or `pipeline` between
        // starting the threads and receiving nil from the audit queue. The decoding thread's last
        // use of `pipeline` comes before it closes the parse queue, the tracking thread's last
        // write of `collection` before it closes the audit queue once the parse queue is
        // drained: the pool's mutex orders those before the nil that follows.
        var collection: DialogCollection
        let pipeline: DecodePipeline

        init(collection: DialogCollection, pipeline: DecodePipeline) {
            self.collection = collection
            self.pipeline = pipeline
        }
    }

    /// Payloads per parse job from the decoding thread: the pool's lock and wake-ups cost less
    /// than parsing this many (64 measured slower).
    static let readBatchSize = 256
    /// Parse jobs between the decoding thread and the tracker at most.
    static let parseCapacity = 4
    /// Items per job for the audit workers: large enough that the lock is rare, small enough
    /// that work spreads over the workers and the first reports come early.
    static let stageBatchSize = 16
    /// Messages per job at most (unless one call has more).
    static let stageBatchMessages = 1024
    /// Messages between the tracker and the reports at most (plus one job): calls of thousands
    /// of messages must not fill memory with a whole capture. Ordinary calls never reach it.
    static let stageMessages = 8192
    /// Jobs between the tracker and the reports at most: room for a sweep's burst of ended calls.
    static let stageCapacity = 8

    /// Does what `run` does, on more threads: decoding on one, SIP parsing (with reading each
    /// message's facts) on a pool of `workers`, dialog tracking on one, assembling and auditing
    /// the ended calls on the same pool, and `emit` on the calling thread. The output is the
    /// same, in the same order: the tracker takes the parsed messages, and `emit` the audited
    /// calls, in the order they were handed to the pool (`OrderedWorkQueue`). `emit` and
    /// `problem` run on the calling thread only. Memory stays bounded: the parse queue holds at
    /// most `parseCapacity` batches of `readBatchSize` messages, the audit queue `stageCapacity`
    /// jobs of at most `stageBatchSize` calls and `stageMessages` messages in all (a single call,
    /// which the tracker limits to 2,000 messages, always passes).
    ///
    /// Parsing is most of the work during the first seconds of capture time, before any call has
    /// ended, and auditing most of it afterwards; both split into independent pieces (messages,
    /// calls), so one pool keeps every core busy in both phases. Workers take audit jobs first,
    /// so that reports and memory drain before more input is read.
    public mutating func runConcurrently(_ pipeline: DecodePipeline, workers: Int = 2, emit: (DialogAudit) -> Void,
                                         problem: (DecodeProblem) -> Void = { _ in }) {
        runConcurrently(pipeline, workers: workers, render: { $0 }, emit: emit, problem: problem)
    }

    /// `runConcurrently`, with each audited dialog rendered on the worker that audited it (e.g.
    /// into its report records), so that the calling thread, which takes the dialogs one by one
    /// in order, only writes what the workers rendered in parallel. The audit itself stays on
    /// the worker: freeing a dialog and its messages is work too, and it is spread with the rest.
    public mutating func runConcurrently<Rendered: Sendable>(
        _ pipeline: DecodePipeline, workers: Int = 2, render: @escaping @Sendable (DialogAudit) -> Rendered,
        emit: (Rendered) -> Void, problem: (DecodeProblem) -> Void = { _ in }
    ) {
        let pool = WorkerPool()
        let parses = OrderedWorkQueue<[DecodedItem], [ReadItem]>(capacity: Self.parseCapacity, pool: pool)
        let audits = OrderedWorkQueue<[StageItem], [StageResult<Rendered>]>(
            capacity: Self.stageCapacity, weightLimit: Self.stageMessages, pool: pool)
        let stage = TrackingStage(collection: collection, pipeline: pipeline)
        let auditor = self.auditor
        DetachedThread.start {
            var batch: [DecodedItem] = []
            batch.reserveCapacity(Self.readBatchSize)
            let add = { (item: DecodedItem) in
                batch.append(item)
                if batch.count >= Self.readBatchSize {
                    parses.submit(batch)
                    batch.removeAll(keepingCapacity: true)
                }
            }
            stage.pipeline.run(emit: { add(.payload($0)) }, problem: { add(.problem($0)) })
            if !batch.isEmpty { parses.submit(batch) }
            parses.close()
        }
        DetachedThread.start {
            var collection = stage.collection
            var pending: [StageItem] = []
            pending.reserveCapacity(Self.stageBatchSize)
            var pendingMessages = 0
            let submit = {
                guard !pending.isEmpty else { return }
                audits.submit(pending, weight: pendingMessages)
                pending.removeAll(keepingCapacity: true)
                pendingMessages = 0
            }
            // A sweep ends hundreds of calls at once: they leave in jobs as they come, so that
            // the workers start on the first while the tracker hands over the rest.
            let add = { (item: StageItem, messages: Int) in
                pending.append(item)
                pendingMessages += messages
                if pending.count >= Self.stageBatchSize || pendingMessages >= Self.stageBatchMessages { submit() }
            }
            while let batch = parses.next() {
                for item in batch {
                    switch item {
                    case .payload(let read):
                        collection.track(read) { add(.call($0), $0.messageCount) }
                    case .problem(let decodeProblem):
                        collection.note(decodeProblem)
                        add(.problem(decodeProblem), 0)
                    }
                }
                // Calls the tracker reported wait for no later message: the workers get them now.
                submit()
            }
            collection.finish { add(.call($0), $0.messageCount) }
            submit()
            stage.collection = collection
            audits.close()
        }
        for _ in 0..<max(1, workers) {
            DetachedThread.start {
                while let job = OrderedWorkQueue.take(from: audits, or: parses) {
                    switch job {
                    case .first(let (sequence, items)):
                        audits.complete(sequence, with: items.map { item in
                            switch item {
                            case .call(let call):
                                .audits(call.dialogs().map { dialog in
                                    let audit = auditor.audit(dialog)
                                    return (audit.findings, render(audit))
                                })
                            case .problem(let decodeProblem): .problem(decodeProblem)
                            }
                        })
                    case .second(let (sequence, items)):
                        parses.complete(sequence, with: items.map { item in
                            switch item {
                            case .payload(let payload): .payload(DialogCollection.read(payload))
                            case .problem(let decodeProblem): .problem(decodeProblem)
                            }
                        })
                    }
                }
            }
        }
        while let results = audits.next() {
            for result in results {
                switch result {
                case .audits(let audits):
                    for (findings, rendered) in audits {
                        countDialog(findings: findings)
                        emit(rendered)
                    }
                case .problem(let decodeProblem): problem(decodeProblem)
                }
            }
        }
        collection = stage.collection
        collection.complete(&summary, decode: pipeline.statistics)
    }
}
