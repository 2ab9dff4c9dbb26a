import Foundation

/// A bounded first-in first-out hand-off from one producer thread to one consumer thread.
///
/// The producer blocks while the channel is full, so memory stays bounded when the consumer is
/// the slower side; the consumer blocks while it is empty. Elements travel in batches, so the
/// lock is taken once per batch, not once per element. Full means `capacity` batches, or a total
/// `weight` (what the batches cost, e.g. messages held) of `weightLimit`; a batch heavier than
/// the limit alone still passes when the channel is empty.
final class StageChannel<Element: Sendable>: @unchecked Sendable {
    // @unchecked: every stored property is read and written only while `condition` is locked.
    private let condition = NSCondition()
    private var batches: [(elements: [Element], weight: Int)] = []
    private var queuedWeight = 0
    private var closed = false
    /// Batches the channel holds at most before `send` waits.
    let capacity: Int
    /// Total weight the channel holds at most before `send` waits.
    let weightLimit: Int

    init(capacity: Int, weightLimit: Int = .max) {
        self.capacity = max(1, capacity)
        self.weightLimit = max(1, weightLimit)
    }

    /// Hands `batch` to the consumer, waiting while the channel is full. Ignored once the
    /// channel is closed.
    func send(_ batch: [Element], weight: Int = 1) {
        guard !batch.isEmpty else { return }
        condition.lock()
        defer { condition.unlock() }
        while !closed && (batches.count >= capacity || !batches.isEmpty && queuedWeight + weight > weightLimit) {
            condition.wait()
        }
        guard !closed else { return }
        batches.append((batch, weight))
        queuedWeight += weight
        condition.broadcast()
    }

    /// The next batch in order, waiting for one; nil once the channel is closed and drained.
    func receive() -> [Element]? {
        condition.lock()
        defer { condition.unlock() }
        while batches.isEmpty && !closed { condition.wait() }
        guard !batches.isEmpty else { return nil }
        let batch = batches.removeFirst()
        queuedWeight -= batch.weight
        condition.broadcast()
        return batch.elements
    }

    /// Batches sent and not yet received: how far the consumer lags behind.
    var backlog: Int {
        condition.lock()
        defer { condition.unlock() }
        return batches.count
    }

    /// No more batches will be sent; `receive` returns nil once the queued ones are taken.
    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }
}
