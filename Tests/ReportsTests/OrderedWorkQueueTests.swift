import Foundation
@testable import Reports
import Testing

@Test func resultsComeOutInSubmissionOrderWhateverOrderWorkersFinishIn() {
    let queue = OrderedWorkQueue<Int, Int>(capacity: 8)
    let finished = DispatchSemaphore(value: 0)
    Thread.detachNewThread {
        for job in 0..<500 { queue.submit(job) }
        queue.close()
    }
    for worker in 0..<3 {
        Thread.detachNewThread {
            while let (sequence, job) = queue.take() {
                // Uneven work, so that later jobs often finish first.
                if (job + worker) % 7 == 0 { usleep(200) }
                queue.complete(sequence, with: job * 2)
            }
            finished.signal()
        }
    }
    var results: [Int] = []
    while let result = queue.next() { results.append(result) }
    for _ in 0..<3 { #expect(finished.wait(timeout: .now() + 5) == .success) }
    #expect(results == (0..<500).map { $0 * 2 })
}

@Test func submitWaitsWhileCapacityJobsAreNotConsumed() {
    let queue = OrderedWorkQueue<String, String>(capacity: 2)
    queue.submit("a")
    queue.submit("b")
    let submitted = DispatchSemaphore(value: 0)
    Thread.detachNewThread {
        queue.submit("c")  // waits: two jobs are between submission and consumption
        submitted.signal()
    }
    #expect(submitted.wait(timeout: .now() + 0.2) == .timedOut)
    guard let first = queue.take() else { Issue.record("no job"); return }
    queue.complete(first.sequence, with: first.job.uppercased())
    // Done is not enough: the result must be consumed before another job fits.
    #expect(submitted.wait(timeout: .now() + 0.2) == .timedOut)
    #expect(queue.next() == "A")
    #expect(submitted.wait(timeout: .now() + 5) == .success)
    queue.close()
    var rest: [String] = []
    while let (sequence, job) = queue.take() { queue.complete(sequence, with: job.uppercased()) }
    while let result = queue.next() { rest.append(result) }
    #expect(rest == ["B", "C"])
}

@Test func heavyJobsWaitForTheWeightLimitButOneAlwaysPasses() {
    let queue = OrderedWorkQueue<Int, Int>(capacity: 10, weightLimit: 100)
    queue.submit(1, weight: 250)  // heavier than the limit, but nothing else is in flight
    let submitted = DispatchSemaphore(value: 0)
    Thread.detachNewThread {
        queue.submit(2, weight: 1)  // waits: 250 + 1 is over the limit
        submitted.signal()
    }
    #expect(submitted.wait(timeout: .now() + 0.2) == .timedOut)
    guard let heavy = queue.take() else { Issue.record("no job"); return }
    queue.complete(heavy.sequence, with: heavy.job)
    #expect(queue.next() == 1)
    #expect(submitted.wait(timeout: .now() + 5) == .success)
    queue.submit(3, weight: 99)  // 1 + 99 fits
    queue.close()
    while let (sequence, job) = queue.take() { queue.complete(sequence, with: job) }
    #expect(queue.next() == 2)
    #expect(queue.next() == 3)
    #expect(queue.next() == nil)
}
