import Capture

/// The last two chunks one TCP direction delivered, kept to compare retransmissions with (a
/// retransmission carrying different bytes is counted; the first data wins) and to restart a
/// stream joined mid-way.
///
/// They are copies in two buffers reused from segment to segment, so that remembering a segment
/// allocates nothing once the buffers are large enough, and the segment's own bytes need not
/// outlive the call that delivered them.
struct DeliveredHistory: Sendable {
    struct Entry: Sendable {
        var sequence: UInt32
        var bytes: [UInt8]
        var frame: Int
        var fileIndex: Int
        var time: CaptureTime

        var chunk: TCPByteStream.Chunk {
            TCPByteStream.Chunk(sequence: sequence, bytes: bytes[...], frame: frame, fileIndex: fileIndex, time: time)
        }
    }

    private(set) var last: Entry?
    private(set) var previous: Entry?

    /// Oldest first.
    var entries: [Entry] { [previous, last].compactMap { $0 } }

    /// Remembers `chunk` as the latest delivered; the oldest is forgotten and its buffer reused.
    mutating func remember(_ chunk: TCPByteStream.Chunk) {
        var buffer: [UInt8] = []
        if var oldest = previous.take() { swap(&buffer, &oldest.bytes) }
        // Keep the allocation unless it is far larger than what it now holds.
        buffer.removeAll(keepingCapacity: buffer.capacity <= max(4096, 2 * chunk.bytes.count))
        buffer.append(contentsOf: chunk.bytes)
        previous = last.take()
        last = Entry(sequence: chunk.sequence, bytes: buffer, frame: chunk.frame, fileIndex: chunk.fileIndex,
                     time: chunk.time)
    }

    mutating func removeAll() {
        last = nil
        previous = nil
    }
}
