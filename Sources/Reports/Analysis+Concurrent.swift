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

    /// Does what `run` does on two threads: decoding, parsing and dialog tracking on a new
    /// thread; the audit and `emit` on the calling thread; dialog assembly on whichever has time.
    /// The output is the same, in the same order: one producer, one consumer, one FIFO channel
    /// between them. `emit` and `problem` run on the calling thread only.
    public mutating func runConcurrently(_ pipeline: DecodePipeline, emit: (DialogAudit) -> Void,
                                         problem: (DecodeProblem) -> Void = { _ in }) {
        let channel = StageChannel<StageItem>(capacity: 4)
        let stage = TrackingStage(collection: collection, pipeline: pipeline)
        Thread.detachNewThread {
            var collection = stage.collection
            var pending: [StageItem] = []
            pending.reserveCapacity(Self.stageBatchSize)
            let flushIfFull = {
                if pending.count >= Self.stageBatchSize {
                    channel.send(pending)
                    pending.removeAll(keepingCapacity: true)
                }
            }
            // Assembling a call is a large share of the work, and either thread can do it: the
            // one that has time does it: while batches queue up the auditing thread is the slower one, so this
            // thread assembles; while the queue is empty, the auditing thread gets the calls.
            // Either way the dialogs are the same.
            // A sweep ends hundreds of calls at once: they leave in batches as they come, so
            // that the backlog tells how far behind the auditing thread is.
            let handOver = { (call: EndedCall) in
                pending.append(channel.backlog > 0 ? .dialogs(call.dialogs()) : .call(call))
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
            channel.send(pending)
            stage.collection = collection
            channel.close()
        }
        while let batch = channel.receive() {
            for item in batch {
                switch item {
                case .call(let call): audit(call, emit: emit)
                case .dialogs(let dialogs): audit(dialogs, emit: emit)
                case .problem(let decodeProblem): problem(decodeProblem)
                }
            }
        }
        collection = stage.collection
        collection.complete(&summary, decode: pipeline.statistics)
    }
}
