import Reports

/// Runs a batch's files with bounded concurrency: a task group holding at most `width` files at
/// once (a sliding window: one more starts when one finishes), each analysed by its own pipeline.
struct BatchRunner: Sendable {
    var width: Int

    /// Analyses every job and returns the results in job order. `report` sees each result in job
    /// order too, as soon as it and all before it are done, so the index streams.
    func run(_ jobs: [CaptureDiscovery.Job], analyzer: BatchFileAnalyzer,
             report: (BatchFileResult) -> Void) async -> [BatchFileResult] {
        var results = [BatchFileResult?](repeating: nil, count: jobs.count)
        var reported = 0
        await withTaskGroup(of: (Int, BatchFileResult).self) { group in
            var next = 0
            while next < min(max(width, 1), jobs.count) {
                let index = next, job = jobs[index]
                group.addTask { (index, analyzer.analyze(job)) }
                next += 1
            }
            while let (index, result) = await group.next() {
                results[index] = result
                while reported < jobs.count, let ready = results[reported] {
                    report(ready)
                    reported += 1
                }
                if next < jobs.count {
                    let index = next, job = jobs[index]
                    group.addTask { (index, analyzer.analyze(job)) }
                    next += 1
                }
            }
        }
        return results.compactMap { $0 }
    }
}
