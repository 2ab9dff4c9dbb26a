import Audit
import Dialogs
import Foundation
import Transport

extension Analysis {
    /// What the tracking thread hands to the auditing thread, in capture order.
    enum StageItem: Sendable {
        /// An ended call, for the auditing thread to assemble.
        case call(EndedCall)
        /// An ended call's dialogs, assembled on the tracking thread.
        case dialogs([Dialog])
        /// An ended call's dialogs, assembled and audited on the tracking thread.
        case audits([DialogAudit])
        /// A decode problem, for `problem` (it keeps its place among the calls).
        case problem(DecodeProblem)
    }

    /// What the reading thread hands to the tracking thread, in capture order.
    enum ReadItem: Sendable {
        case payload(DialogCollection.ReadPayload)
        case problem(DecodeProblem)
    }

    /// The state lent to the reading thread (`pipeline`) and the tracking thread (`collection`)
    /// for the run, read back only after the last channel closed.
    private final class TrackingStage: @unchecked Sendable {
        // @unchecked: the spawning thread does not touch `collection` or `pipeline` between
        // starting the threads and receiving nil from the report channel. The reading thread's
        // last use of `pipeline` comes before it closes the read channel, the tracking thread's
        // last write of `collection` before it closes the report channel once the read channel
        // is drained: each channel's lock orders those before the nil that follows.
        var collection: DialogCollection
        let pipeline: DecodePipeline

        init(collection: DialogCollection, pipeline: DecodePipeline) {
            self.collection = collection
            self.pipeline = pipeline
        }
    }

    /// Payloads per hand-off from the reading thread.
    static let readBatchSize = 64
    /// Items per hand-off to the reporting thread: large enough that the lock is rare, small
    /// enough that the reporting thread starts early.
    static let stageBatchSize = 16
    /// Messages per hand-off at most (unless one call has more).
    static let stageBatchMessages = 1024
    /// Messages the channel holds at most (plus one batch): calls of thousands of messages must
    /// not fill it with a whole capture. Ordinary calls never reach it.
    static let stageMessages = 8192
    /// Batches the channel holds: room for a sweep's burst of ended calls.
    static let stageCapacity = 16
    /// Batches queued from which the tracking thread audits too (see `runConcurrently`).
    static let auditingBacklog = 4

    /// Does what `run` does, on more threads: decoding and SIP parsing (with reading each
    /// message's facts) on one, dialog tracking on another, `emit` on the calling thread, and
    /// dialog assembly and audit on whichever of the last two has time. The output is the same,
    /// in the same order: each stage has one producer and one consumer, joined by a FIFO channel.
    /// `emit` and `problem` run on the calling thread only. Memory stays bounded: the read channel
    /// holds at most `stageCapacity` batches of `readBatchSize` messages, the report channel
    /// `stageCapacity` batches of at most `stageBatchSize` calls and `stageMessages` messages in
    /// all (a single call, which the tracker limits to 2,000 messages, always passes).
    ///
    /// Three threads keep two cores busy from the start: no call ends during the first seconds of
    /// capture time, and reading the messages is most of the work until then.
    public mutating func runConcurrently(_ pipeline: DecodePipeline, emit: (DialogAudit) -> Void,
                                         problem: (DecodeProblem) -> Void = { _ in }) {
        let reads = StageChannel<ReadItem>(capacity: Self.stageCapacity)
        let reports = StageChannel<StageItem>(capacity: Self.stageCapacity, weightLimit: Self.stageMessages)
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
            let flushIfFull = {
                if pending.count >= Self.stageBatchSize || pendingMessages >= Self.stageBatchMessages {
                    reports.send(pending, weight: pendingMessages)
                    pending.removeAll(keepingCapacity: true)
                    pendingMessages = 0
                }
            }
            // Assembling and auditing a call can happen on either thread, and the one that has
            // time does them: the more batches queue up, the further the reporting thread lags,
            // so this thread first assembles, then also audits; with an empty queue the reporting
            // thread gets the calls as they are. The results are the same either way, and they
            // reach `emit` in the same order. A sweep ends hundreds of calls at once: they leave
            // in batches as they come, so that the backlog tells the lag.
            let handOver = { (call: EndedCall) in
                pendingMessages += call.messageCount
                let backlog = reports.backlog
                if backlog == 0 {
                    pending.append(.call(call))
                } else if backlog < Self.auditingBacklog {
                    pending.append(.dialogs(call.dialogs()))
                } else {
                    pending.append(.audits(call.dialogs().map(auditor.audit)))
                }
                flushIfFull()
            }
            while let batch = reads.receive() {
                for item in batch {
                    switch item {
                    case .payload(let read):
                        collection.track(read, emit: handOver)
                    case .problem(let decodeProblem):
                        collection.note(decodeProblem)
                        pending.append(.problem(decodeProblem))
                        flushIfFull()
                    }
                }
            }
            collection.finish(emit: handOver)
            reports.send(pending, weight: pendingMessages)
            stage.collection = collection
            reports.close()
        }
        while let batch = reports.receive() {
            for item in batch {
                switch item {
                case .call(let call): audit(call, emit: emit)
                case .dialogs(let dialogs): audit(dialogs, emit: emit)
                case .audits(let audits): for audit in audits { record(audit, emit: emit) }
                case .problem(let decodeProblem): problem(decodeProblem)
                }
            }
        }
        collection = stage.collection
        collection.complete(&summary, decode: pipeline.statistics)
    }
}
