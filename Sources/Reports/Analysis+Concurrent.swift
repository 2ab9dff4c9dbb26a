import Audit
import Dialogs
import Foundation
import Transport

extension Analysis {
    /// What the tracking thread hands to the auditing thread, in capture order.
    enum StageItem: Sendable {
        case call(EndedCall)
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
    /// thread; dialog assembly, the audit and `emit` on the calling thread. The output is the same, in the same
    /// order: one producer, one consumer, one FIFO channel between them. `emit` and `problem` run
    /// on the calling thread only.
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
            stage.pipeline.run(emit: { payload in
                collection.ingest(payload) { pending.append(.call($0)) }
                flushIfFull()
            }, problem: { decodeProblem in
                collection.note(decodeProblem)
                pending.append(.problem(decodeProblem))
                flushIfFull()
            })
            collection.finish { pending.append(.call($0)) }
            channel.send(pending)
            stage.collection = collection
            channel.close()
        }
        while let batch = channel.receive() {
            for item in batch {
                switch item {
                case .call(let call): audit(call, emit: emit)
                case .problem(let decodeProblem): problem(decodeProblem)
                }
            }
        }
        collection = stage.collection
        collection.complete(&summary, decode: pipeline.statistics)
    }
}
