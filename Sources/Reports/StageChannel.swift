import Foundation

/// A bounded first-in first-out hand-off from one producer thread to one consumer thread.
///
/// The producer blocks while the channel is full, so memory stays bounded when the consumer is
/// the slower side; the consumer blocks while it is empty. Elements travel in batches, so the
/// lock is taken once per batch, not once per element.
final class StageChannel<Element: Sendable>: @unchecked Sendable {
    // @unchecked: every stored property is read and written only while `condition` is locked.
    private let condition = NSCondition()
    private var batches: [[Element]] = []
    private var closed = false
    /// Batches the channel holds at most before `send` waits.
    let capacity: Int

    init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    /// Hands `batch` to the consumer, waiting while the channel is full. Ignored once the
    /// channel is closed.
    func send(_ batch: [Element]) {
        guard !batch.isEmpty else { return }
        condition.lock()
        defer { condition.unlock() }
        while !closed && batches.count >= capacity { condition.wait() }
        guard !closed else { return }
        batches.append(batch)
        condition.broadcast()
    }

    /// The next batch in order, waiting for one; nil once the channel is closed and drained.
    func receive() -> [Element]? {
        condition.lock()
        defer { condition.unlock() }
        while batches.isEmpty && !closed { condition.wait() }
        guard !batches.isEmpty else { return nil }
        let batch = batches.removeFirst()
        condition.broadcast()
        return batch
    }

    /// No more batches will be sent; `receive` returns nil once the queued ones are taken.
    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }
}
