extension Analysis {
    /// How much work `runConcurrently` hands over at once, and how much it lets wait between its
    /// stages: batch sizes trade the mutex and wake-ups against spreading the work; the stage
    /// bounds keep memory bounded whatever lags.
    struct ConcurrencyLimits: Sendable {
        /// Payloads (and decode problems) per parse job from the decoding turn, at least: a job
        /// ends with the packet that fills it (`DecodePipeline.decode(atLeast:emit:problem:)`).
        var readBatchSize: Int
        /// Parse jobs between the decoding turn and the tracking turn at most.
        var parseCapacity: Int
        /// Ended calls (or problems) per audit job at most.
        var stageBatchSize: Int
        /// Messages per audit job at most (unless one call has more).
        var stageBatchMessages: Int
        /// Messages between the tracker and the reports at most (plus one batch of messages'
        /// worth of ended calls): calls of thousands of messages must not fill memory with a
        /// whole capture. Ordinary calls never reach it.
        var stageMessages: Int
        /// Audit jobs between the tracker and the reports at most.
        var stageCapacity: Int

        /// What `analyze` uses. 256 payloads a parse job: the lock and wake-ups cost less than
        /// parsing that many (64 measured slower); 16 calls an audit job: large enough that the
        /// lock is rare, small enough that work spreads and the first reports come early.
        static let standard = ConcurrencyLimits(readBatchSize: 256, parseCapacity: 4, stageBatchSize: 16,
                                                stageBatchMessages: 1024, stageMessages: 8192, stageCapacity: 8)
    }
}
