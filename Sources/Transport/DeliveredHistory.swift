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
        /// The chunk's bytes: the start of `storage`, which keeps its size from chunk to chunk.
        var bytes: ArraySlice<UInt8> { storage[..<count] }
        private var storage: [UInt8]
        private var count: Int
        var frame: Int
        var fileIndex: Int
        var time: CaptureTime

        var chunk: TCPByteStream.Chunk {
            TCPByteStream.Chunk(sequence: sequence, bytes: bytes, frame: frame, fileIndex: fileIndex, time: time)
        }
    }

    /// The two entries in place; `newestIsFirst` says which one is `last`, `count` how many hold data.
    private var slots = (Entry.empty, Entry.empty)
    private var newestIsFirst = false
    private var count = 0

    /// The latest chunk delivered.
    var last: Entry? {
        guard count > 0 else { return nil }
        return newestIsFirst ? slots.0 : slots.1
    }

    /// The chunk delivered before `last`.
    var previous: Entry? {
        guard count > 1 else { return nil }
        return newestIsFirst ? slots.1 : slots.0
    }

    /// Oldest first.
    var entries: [Entry] { [previous, last].compactMap { $0 } }

    /// Remembers `chunk` as the latest delivered; the oldest is forgotten and its buffer reused
    /// in place (no allocation once the buffers are large enough, no reference counting).
    mutating func remember(_ chunk: TCPByteStream.Chunk) {
        newestIsFirst.toggle()
        if newestIsFirst {
            slots.0.overwrite(with: chunk)
        } else {
            slots.1.overwrite(with: chunk)
        }
        count = min(count + 1, 2)
    }

    mutating func removeAll() {
        count = 0
        slots = (Entry.empty, Entry.empty)
    }
}

extension DeliveredHistory.Entry {
    static let empty = Self(sequence: 0, storage: [], count: 0, frame: 0, fileIndex: 0, time: .zero)

    /// Becomes a copy of `chunk`: its bytes overwrite the start of `storage`, which is replaced
    /// only when too small, or far larger than needed.
    mutating func overwrite(with chunk: TCPByteStream.Chunk) {
        sequence = chunk.sequence
        frame = chunk.frame
        fileIndex = chunk.fileIndex
        time = chunk.time
        count = chunk.bytes.count
        if storage.count < count || storage.count > max(4096, 2 * count) {
            storage = [UInt8](repeating: 0, count: max(count, 2048))
        }
        chunk.bytes.withUnsafeBytes { source in
            storage.withUnsafeMutableBytes { target in
                if let from = source.baseAddress, let to = target.baseAddress { to.copyMemory(from: from, byteCount: count) }
            }
        }
    }
}
