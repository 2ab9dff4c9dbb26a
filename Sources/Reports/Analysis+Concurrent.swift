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

    /// The tracking thread's state, lent to it for the run and read back only after it closed the
    /// channel.
    private final class TrackingStage: @unchecked Sendable {
        // @unchecked: the spawning thread does not touch `collection` or `pipeline` between
        // starting the thread and receiving nil from the channel; the channel's lock orders the
        // thread's last writes before that nil.
        var collection: DialogCollection
        let pipeline: DecodePipeline

        init(collection: DialogCollection, pipeline: DecodePipeline) {
            self.collection = collection
            self.pipeline = pipeline
        }
    }

    /// Items per hand-off: large enough that the lock is rare, small enough that the auditing
    /// thread starts early.
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

    /// Does what `run` does on two threads: decoding, parsing and dialog tracking on a new
    /// thread, `emit` on the calling thread, and dialog assembly and audit on whichever has time.
    /// The output is the same, in the same order: one producer, one consumer, one FIFO channel
    /// between them. `emit` and `problem` run on the calling thread only. Memory stays bounded:
    /// the channel holds at most `stageCapacity` batches of at most `stageBatchSize` calls and
    /// `stageMessages` messages in all (a single call, which the tracker limits to 2,000
    /// messages, always passes).
    public mutating func runConcurrently(_ pipeline: DecodePipeline, emit: (DialogAudit) -> Void,
                                         problem: (DecodeProblem) -> Void = { _ in }) {
        let channel = StageChannel<StageItem>(capacity: Self.stageCapacity, weightLimit: Self.stageMessages)
        let stage = TrackingStage(collection: collection, pipeline: pipeline)
        let auditor = self.auditor
        Thread.detachNewThread {
            var collection = stage.collection
            var pending: [StageItem] = []
            pending.reserveCapacity(Self.stageBatchSize)
            var pendingMessages = 0
            let flushIfFull = {
                if pending.count >= Self.stageBatchSize || pendingMessages >= Self.stageBatchMessages {
                    channel.send(pending, weight: pendingMessages)
                    pending.removeAll(keepingCapacity: true)
                    pendingMessages = 0
                }
            }
            // Assembling and auditing a call can happen on either thread, and the one that has
            // time does them: the more batches queue up, the further the auditing thread lags, so
            // this thread first assembles, then also audits; with an empty queue the auditing
            // thread gets the calls as they are. The results are the same either way, and they
            // reach `emit` in the same order. A sweep ends hundreds of calls at once: they leave
            // in batches as they come, so that the backlog tells the lag.
            let handOver = { (call: EndedCall) in
                pendingMessages += call.messageCount
                let backlog = channel.backlog
                if backlog == 0 {
                    pending.append(.call(call))
                } else if backlog < Self.auditingBacklog {
                    pending.append(.dialogs(call.dialogs()))
                } else {
                    pending.append(.audits(call.dialogs().map(auditor.audit)))
                }
                flushIfFull()
            }
            stage.pipeline.run(emit: { payload in
                collection.ingest(payload, emit: handOver)
            }, problem: { decodeProblem in
                collection.note(decodeProblem)
                pending.append(.problem(decodeProblem))
                flushIfFull()
            })
            collection.finish(emit: handOver)
            channel.send(pending, weight: pendingMessages)
            stage.collection = collection
            channel.close()
        }
        while let batch = channel.receive() {
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
