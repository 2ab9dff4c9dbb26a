import Audit
import Dialogs
import Foundation
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
    enum StageResult: Sendable {
        /// An ended call's dialogs, assembled and audited.
        case audits([DialogAudit])
        case problem(DecodeProblem)
    }

    /// What the reading thread hands to the tracking thread, in capture order.
    enum ReadItem: Sendable {
        case payload(DialogCollection.ReadPayload)
        case problem(DecodeProblem)
    }

    /// The state lent to the reading thread (`pipeline`) and the tracking thread (`collection`)
    /// for the run, read back only after the last result was taken.
    private final class TrackingStage: @unchecked Sendable {
        // @unchecked: the spawning thread does not touch `collection` or `pipeline` between
        // starting the threads and receiving nil from the work queue. The reading thread's last
        // use of `pipeline` comes before it closes the read channel, the tracking thread's last
        // write of `collection` before it closes the work queue once the read channel is
        // drained: the channel's and the queue's locks order those before the nil that follows.
        var collection: DialogCollection
        let pipeline: DecodePipeline

        init(collection: DialogCollection, pipeline: DecodePipeline) {
            self.collection = collection
            self.pipeline = pipeline
        }
    }

    /// Payloads per hand-off from the reading thread.
    static let readBatchSize = 64
    /// Items per job for the audit workers: large enough that the lock is rare, small enough
    /// that work spreads over the workers and the first reports come early.
    static let stageBatchSize = 16
    /// Messages per job at most (unless one call has more).
    static let stageBatchMessages = 1024
    /// Messages between the tracker and the reports at most (plus one job): calls of thousands
    /// of messages must not fill memory with a whole capture. Ordinary calls never reach it.
    static let stageMessages = 8192
    /// Jobs between the tracker and the reports at most: room for a sweep's burst of ended calls.
    static let stageCapacity = 16

    /// Does what `run` does, on more threads: decoding and SIP parsing (with reading each
    /// message's facts) on one, dialog tracking on another, assembling and auditing the ended
    /// calls on `workers` more, and `emit` on the calling thread. The output is the same, in the
    /// same order: reads reach the tracker in order through a FIFO channel, and the workers'
    /// results reach `emit` in the order the tracker handed the calls over (`OrderedWorkQueue`).
    /// `emit` and `problem` run on the calling thread only. Memory stays bounded: the read
    /// channel holds at most `stageCapacity` batches of `readBatchSize` messages, the work queue
    /// `stageCapacity` jobs of at most `stageBatchSize` calls and `stageMessages` messages in all
    /// (a single call, which the tracker limits to 2,000 messages, always passes).
    ///
    /// Auditing is most of the work once calls end, and each call is independent, so a pool
    /// keeps every core busy; reading is most of it during the first seconds of capture time,
    /// before any call has ended, which is why reading and tracking have threads of their own.
    public mutating func runConcurrently(_ pipeline: DecodePipeline, workers: Int = 2, emit: (DialogAudit) -> Void,
                                         problem: (DecodeProblem) -> Void = { _ in }) {
        let reads = StageChannel<ReadItem>(capacity: Self.stageCapacity)
        let work = OrderedWorkQueue<[StageItem], [StageResult]>(capacity: Self.stageCapacity,
                                                                 weightLimit: Self.stageMessages)
        let stage = TrackingStage(collection: collection, pipeline: pipeline)
        let auditor = self.auditor
        Thread.detachNewThread {
            var batch: [ReadItem] = []
            batch.reserveCapacity(Self.readBatchSize)
            let add = { (item: ReadItem) in
                batch.append(item)
                if batch.count >= Self.readBatchSize {
                    reads.send(batch)
                    batch.removeAll(keepingCapacity: true)
                }
            }
            stage.pipeline.run(emit: { add(.payload(DialogCollection.read($0))) }, problem: { add(.problem($0)) })
            reads.send(batch)
            reads.close()
        }
        Thread.detachNewThread {
            var collection = stage.collection
            var pending: [StageItem] = []
            pending.reserveCapacity(Self.stageBatchSize)
            var pendingMessages = 0
            let submit = {
                guard !pending.isEmpty else { return }
                work.submit(pending, weight: pendingMessages)
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
            while let batch = reads.receive() {
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
            work.close()
        }
        for _ in 0..<max(1, workers) {
            Thread.detachNewThread {
                while let (sequence, items) = work.take() {
                    let results = items.map { item -> StageResult in
                        switch item {
                        case .call(let call): .audits(call.dialogs().map(auditor.audit))
                        case .problem(let decodeProblem): .problem(decodeProblem)
                        }
                    }
                    work.complete(sequence, with: results)
                }
            }
        }
        while let results = work.next() {
            for result in results {
                switch result {
                case .audits(let audits): for audit in audits { record(audit, emit: emit) }
                case .problem(let decodeProblem): problem(decodeProblem)
                }
            }
        }
        collection = stage.collection
        collection.complete(&summary, decode: pipeline.statistics)
    }
}
