@testable import Reports
import Testing

@Test func resultsComeOutInSubmissionOrderWhateverOrderJobsFinishIn() {
    var jobs = OrderedJobs<Int, Int>(capacity: 100)
    for job in 0..<10 { jobs.submit(job) }
    var taken: [(sequence: Int, job: Int)] = []
    while let job = jobs.takeJob() { taken.append(job) }
    #expect(taken.map(\.job) == Array(0..<10))
    #expect(!jobs.hasPendingJob)
    // Finish backwards: nothing comes out until the first is done, then everything in order.
    var results: [Int] = []
    for (sequence, job) in taken.reversed() {
        let isNext = jobs.complete(sequence, with: job * 2)
        #expect(isNext == (sequence == 0))
        while let result = jobs.takeNextResult() { results.append(result) }
        #expect(results.isEmpty == (sequence != 0))
    }
    #expect(results == (0..<10).map { $0 * 2 })
    #expect(!jobs.isDrained)
    jobs.close()
    #expect(jobs.isDrained)
}

@Test func roomCountsJobsUntilTheirResultIsTaken() {
    var jobs = OrderedJobs<String, String>(capacity: 2)
    #expect(jobs.hasRoom())
    jobs.submit("a")
    jobs.submit("b")
    #expect(!jobs.hasRoom())
    guard let first = jobs.takeJob() else { Issue.record("no job"); return }
    jobs.complete(first.sequence, with: first.job.uppercased())
    // Done is not enough: the result must be taken before another job fits.
    #expect(!jobs.hasRoom())
    #expect(jobs.isNextResultReady)
    let result = jobs.takeNextResult()
    #expect(result == "A")
    #expect(jobs.hasRoom())
    #expect(jobs.inFlight == 1)
}

@Test func heavyJobsWaitForTheWeightLimitButOneAlwaysFits() {
    var jobs = OrderedJobs<Int, Int>(capacity: 10, weightLimit: 100)
    #expect(jobs.hasRoom(for: 250))  // heavier than the limit, but nothing else is in flight
    jobs.submit(1, weight: 250)
    #expect(!jobs.hasRoom(for: 1))
    #expect(!jobs.hasRoom(for: 0))
    guard let heavy = jobs.takeJob() else { Issue.record("no job"); return }
    jobs.complete(heavy.sequence, with: heavy.job)
    let result = jobs.takeNextResult()
    #expect(result == 1)
    jobs.submit(2, weight: 1)
    #expect(jobs.hasRoom(for: 99))  // 1 + 99 fits
    #expect(!jobs.hasRoom(for: 100))
}

@Test func nothingIsReadyBeforeItIsDone() {
    var jobs = OrderedJobs<Int, Int>(capacity: 4)
    let noJob = jobs.takeJob()
    let noResult = jobs.takeNextResult()
    #expect(noJob == nil && noResult == nil)
    jobs.submit(7)
    #expect(jobs.hasPendingJob)
    #expect(!jobs.isNextResultReady)
    let stillNoResult = jobs.takeNextResult()
    #expect(stillNoResult == nil)
    jobs.close()
    #expect(!jobs.isDrained)  // closed, but a result is still to come
}
