import Audit
import Dialogs
import Transport

extension Analysis {
    /// What the tracking turn hands to the audit stage, in capture order.
    enum StageItem: Sendable {
        /// An ended call, for a worker to assemble and audit.
        case call(EndedCall)
        /// A decode problem, for `problem` (it keeps its place among the calls).
        case problem(DecodeProblem)
    }

    /// What the audit stage hands back for one `StageItem`.
    enum StageResult<Rendered: Sendable>: Sendable {
        /// An ended call's dialogs, assembled, audited and rendered, with the findings the
        /// summary counts.
        case audits([(findings: [Finding], rendered: Rendered)])
        case problem(DecodeProblem)
    }

    /// What the decoding turn hands to the parse stage, in capture order.
    enum DecodedItem: Sendable {
        case payload(SIPPayload)
        case problem(DecodeProblem)
    }

    /// What the parse stage hands to the tracking turn for a `DecodedItem`, in capture order.
    enum ReadItem: Sendable {
        case payload(DialogCollection.ReadPayload)
        case problem(DecodeProblem)
    }

    /// Does what `run` does, on `workers` threads (the calling thread and `workers - 1` more):
    /// decoding, SIP parsing (with reading each message's facts), dialog tracking, and
    /// assembling and auditing the ended calls, in turns and jobs (`ConcurrentRun`); `emit` on
    /// the calling thread. The output is the same, in the same order: the tracker takes the
    /// parsed messages, and `emit` the audited calls, in the order they were decoded
    /// (`OrderedJobs`). `emit` and `problem` run on the calling thread only. Memory stays bounded:
    /// the parse stage holds at most `parseCapacity` batches of about `readBatchSize` messages (a
    /// batch ends with the packet that fills it; the last one also holds what the decoders flush
    /// at the end), and the tracker waits while the audit stage holds `stageCapacity` jobs or
    /// `stageMessages` messages (`ConcurrencyLimits`; a single call, which the tracker limits to
    /// 2,000 messages, always passes).
    ///
    /// Parsing is most of the work during the first seconds of capture time, before any call has
    /// ended, and auditing most of it afterwards; both split into independent pieces (messages,
    /// calls), so the same threads keep every core busy in both phases.
    public mutating func runConcurrently(_ pipeline: DecodePipeline, workers: Int = 2, emit: (DialogAudit) -> Void,
                                         problem: (DecodeProblem) -> Void = { _ in }) {
        runConcurrently(pipeline, workers: workers, render: { $0 }, emit: emit, problem: problem)
    }

    /// `runConcurrently`, with each audited dialog rendered on the thread that audited it (e.g.
    /// into its report records), so that the calling thread, which takes the dialogs one by one
    /// in order, only writes what was rendered in parallel. The audit itself stays on the worker:
    /// freeing a dialog and its messages is work too, and it is spread with the rest.
    public mutating func runConcurrently<Rendered: Sendable>(
        _ pipeline: DecodePipeline, workers: Int = 2, render: @escaping @Sendable (DialogAudit) -> Rendered,
        emit: (Rendered) -> Void, problem: (DecodeProblem) -> Void = { _ in }
    ) {
        runConcurrently(pipeline, workers: workers, limits: .standard, render: render, emit: emit, problem: problem)
    }

    /// `runConcurrently` within `limits` (tests try the smallest).
    mutating func runConcurrently<Rendered: Sendable>(
        _ pipeline: DecodePipeline, workers: Int, limits: ConcurrencyLimits,
        render: @escaping @Sendable (DialogAudit) -> Rendered,
        emit: (Rendered) -> Void, problem: (DecodeProblem) -> Void = { _ in }
    ) {
        let run = ConcurrentRun<Rendered>(
            pipeline: pipeline, collection: collection,
            parses: .init(capacity: limits.parseCapacity),
            audits: .init(capacity: limits.stageCapacity, weightLimit: limits.stageMessages),
            readBatchSize: limits.readBatchSize, stageBatchSize: limits.stageBatchSize,
            stageBatchMessages: limits.stageBatchMessages)
        let auditor = self.auditor
        let perform = { @Sendable (work: ConcurrentRun<Rendered>.Work) in
            switch work {
            case .decode:
                run.decode()
            case .track(let items):
                run.track(items)
            case .finishTracking:
                run.finishTracking()
            case .audit(let sequence, let items):
                run.completeAudit(sequence, with: items.map { item in
                    switch item {
                    case .call(let call):
                        .audits(call.dialogs().map { dialog in
                            let audit = auditor.audit(dialog)
                            return (audit.findings, render(audit))
                        })
                    case .problem(let decodeProblem): .problem(decodeProblem)
                    }
                })
            case .parse(let sequence, let items):
                run.completeParse(sequence, with: items.map { item in
                    switch item {
                    case .payload(let payload): .payload(DialogCollection.read(payload))
                    case .problem(let decodeProblem): .problem(decodeProblem)
                    }
                })
            }
        }
        for _ in 1..<max(1, workers) {
            DetachedThread.start {
                while let work = run.nextWork() { perform(work) }
            }
        }
        while let step = run.nextCallerStep() {
            switch step {
            case .work(let work):
                perform(work)
            case .emit(let results):
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
        }
        collection = run.finishedCollection
        collection.complete(&summary, decode: pipeline.statistics)
    }
}
