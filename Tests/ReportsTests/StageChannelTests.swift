import Foundation
@testable import Reports
import Testing

@Test func channelDeliversEveryBatchInOrderAcrossThreads() {
    let channel = StageChannel<Int>(capacity: 2)
    let done = DispatchSemaphore(value: 0)
    Thread.detachNewThread {
        for start in stride(from: 0, to: 1000, by: 10) { channel.send(Array(start..<(start + 10))) }
        channel.send([])  // an empty batch is not sent at all
        channel.close()
        done.signal()
    }
    var received: [Int] = []
    var batches = 0
    while let batch = channel.receive() {
        received += batch
        batches += 1
    }
    done.wait()
    #expect(received == Array(0..<1000))
    #expect(batches == 100)
}

@Test func fullChannelMakesTheSenderWait() {
    let channel = StageChannel<Int>(capacity: 1)
    channel.send([1])
    let sent = DispatchSemaphore(value: 0)
    Thread.detachNewThread {
        channel.send([2])  // waits until the first batch is taken
        sent.signal()
    }
    #expect(sent.wait(timeout: .now() + 0.2) == .timedOut)
    #expect(channel.receive() == [1])
    #expect(sent.wait(timeout: .now() + 5) == .success)
    channel.close()
    #expect(channel.receive() == [2])
    #expect(channel.receive() == nil)
}
