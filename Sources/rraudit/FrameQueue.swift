import Capture
import Reports

/// The bounded hand-off between the capture thread and the analysis thread of `rraudit live`.
///
/// The capture side never blocks: when the analysis falls behind and the queue is full, the new
/// frame is dropped and counted (reported in the summary), so the kernel buffer keeps draining
/// and memory stays bounded. The analysis side waits at most a given time for the next frame.
final class FrameQueue: @unchecked Sendable {
    // @unchecked: every stored property is read and written only while `mutex` is locked.
    private let mutex = SharedMutex()
    private let frameOrClose: SharedMutex.Condition
    private var buffer: [Frame?]
    private var head = 0
    private var count = 0
    private var closed = false
    private var droppedFrames = 0

    /// What `take` produced.
    enum Item {
        case frame(Frame)
        /// Nothing arrived within the wait.
        case idle
        /// Closed and drained.
        case end
    }

    let capacity: Int

    init(capacity: Int) {
        self.capacity = max(1, capacity)
        frameOrClose = SharedMutex.Condition(mutex)
        buffer = Array(repeating: nil, count: self.capacity)
    }

    /// Adds a frame; false (and counted) when the queue is full or closed.
    @discardableResult
    func offer(_ frame: Frame) -> Bool {
        mutex.lock()
        defer { mutex.unlock() }
        guard !closed, count < capacity else {
            droppedFrames += 1
            return false
        }
        buffer[(head + count) % capacity] = frame
        count += 1
        frameOrClose.signal()
        return true
    }

    /// The next frame, waiting at most `timeout` seconds.
    func take(timeout: Double) -> Item {
        mutex.lock()
        defer { mutex.unlock() }
        let deadline = SharedMutex.Condition.deadline(in: timeout)
        while count == 0 && !closed {
            if !frameOrClose.wait(until: deadline) { break }
        }
        guard count > 0 else { return closed ? .end : .idle }
        let frame = buffer[head]
        buffer[head] = nil
        head = (head + 1) % capacity
        count -= 1
        return frame.map(Item.frame) ?? .idle
    }

    /// No more frames will be offered; `take` returns `.end` once the queue is drained.
    func close() {
        mutex.lock()
        closed = true
        frameOrClose.broadcast()
        mutex.unlock()
    }

    /// Frames dropped because the queue was full.
    var dropped: Int {
        mutex.lock()
        defer { mutex.unlock() }
        return droppedFrames
    }
}
