import Capture

/// Reassembles fragmented IPv4 (RFC 791) and IPv6 (RFC 8200 4.5) datagrams, bounded in time and
/// memory.
///
/// Overlaps are resolved deterministically: the bytes that arrived first win (later bytes that
/// differ are counted as `overlapping_fragments`; identical repeats only as duplicates). A datagram
/// incomplete after `timeout` seconds of capture time is dropped and counted as `fragment_timeout`.
public struct FragmentReassembler {
    public struct Limits: Sendable {
        /// Largest reassembled payload (RFC 791 and RFC 8200 both cap it at 65535).
        public var maxDatagramBytes = 65_535
        /// Datagrams awaiting fragments at once; a fragment of a new one beyond this is dropped.
        public var maxPendingDatagrams = 1024
        /// Bytes buffered across all pending datagrams.
        public var maxBufferedBytes = 16 << 20
        /// Seconds of capture time a datagram may wait for its fragments (Linux ipfrag_time: 30 s).
        public var timeout: Double = 30

        public init() {}
        public static let `default` = Limits()
    }

    /// Identifies one datagram: RFC 791's (src, dst, protocol, id), RFC 8200's (src, dst, id).
    struct Key: Hashable {
        var source: IPAddress
        var destination: IPAddress
        var identification: UInt32
        /// IPv4 protocol; 0 for IPv6 (its id is 32 bits and protocol-independent).
        var protocolNumber: UInt8
        var fileIndex: Int

        /// Hashes the fields that tell datagrams apart most cheaply (equality still compares all).
        func hash(into hasher: inout Hasher) {
            hasher.combine(identification)
            hasher.combine(Key.fold(source) &+ Key.fold(destination) &* 31 &+ UInt64(protocolNumber))
        }

        private static func fold(_ address: IPAddress) -> UInt64 {
            switch address {
            case .v4(let value): UInt64(value)
            case .v6(let high, let low): high ^ low
            }
        }
    }

    /// A complete datagram: its payload and the frames that carried it.
    struct Datagram {
        var bytes: [UInt8]
        var frames: FrameNumbers
        /// The upper-layer protocol (IPv6: the next header of the fragment header at offset 0).
        var upperProtocol: UInt8
    }

    private struct Pending {
        var bytes: [UInt8] = []
        /// Received byte ranges, sorted and disjoint.
        var covered: [Range<Int>] = []
        var total: Int?
        var frames = FrameNumbers()
        var firstFrame: Int
        var firstTime: CaptureTime
        var upperProtocol: UInt8?
    }

    public let limits: Limits
    private var pending: [Key: Pending] = [:]
    /// The datagram of the latest fragment, kept out of `pending`: the fragments of one datagram
    /// usually arrive back to back, and then none of them costs a dictionary lookup.
    private var recentKey: Key?
    /// Meaningful only while `recentKey` is set.
    private var recentEntry = Pending(firstFrame: 0, firstTime: .zero)
    /// Buffers of the last completed datagram, reused for the next one (no allocation per datagram).
    private var spareBytes: [UInt8] = []
    private var spareCovered: [Range<Int>] = []
    private var bufferedBytes = 0
    private var lastExpiry = CaptureTime.zero
    /// Fragments whose bytes had all arrived before, identically.
    public private(set) var duplicates = 0
    public private(set) var reassembled = 0

    public init(limits: Limits = .default) { self.limits = limits }

    public var pendingDatagrams: Int { pending.count + (recentKey == nil ? 0 : 1) }

    /// Adds one fragment; returns the datagram when this fragment completed it.
    /// `upperProtocol` is the protocol this fragment announces when it is the first (offset 0).
    mutating func add(key: Key, offset: Int, more: Bool, data: UnsafeRawBufferPointer, upperProtocol: UInt8?,
                      frame: Int, time: CaptureTime,
                      report: (DecodeProblemKind, _ frame: Int, _ fileIndex: Int, String) -> Void) -> Datagram? {
        if time.seconds > lastExpiry.seconds {
            lastExpiry = time
            expire(olderThan: time.adding(seconds: -limits.timeout), report: report)
        }
        let end = offset + data.count
        guard end <= limits.maxDatagramBytes else {
            report(.malformedPacket, frame, key.fileIndex, "fragment ends at byte \(end), beyond the \(limits.maxDatagramBytes)-byte datagram limit")
            return nil
        }
        // Taken out and kept as `recent` afterwards, so that it is mutated uniquely, in place.
        var entry: Pending
        if recentKey == key {
            entry = takeRecent()
        } else {
            settleRecent()
            if !pending.isEmpty, let existing = pending.removeValue(forKey: key) {
                entry = existing
            } else {
                guard pending.count < limits.maxPendingDatagrams else {
                    report(.bufferLimit, frame, key.fileIndex, "\(pending.count) datagrams already await fragments; fragment dropped")
                    return nil
                }
                entry = Pending(firstFrame: frame, firstTime: time)
                swap(&entry.bytes, &spareBytes)
                swap(&entry.covered, &spareCovered)
                entry.bytes.reserveCapacity(min(limits.maxDatagramBytes, max(end, 2048)))
            }
        }
        defer {
            if !entry.frames.isEmpty {
                recentKey = key
                swap(&recentEntry, &entry)
            }
        }

        // Lengths must agree: one last fragment, nothing beyond it (RFC 8200 4.5: discard otherwise;
        // here only the offending fragment is dropped, so the first arrival still wins).
        let knownEnd = entry.covered.last?.upperBound ?? 0
        if let total = entry.total, end > total || (!more && end != total) {
            report(.malformedPacket, frame, key.fileIndex, "fragment [\(offset), \(end)) disagrees with datagram length \(total)")
            return nil
        }
        if !more && knownEnd > end {
            report(.malformedPacket, frame, key.fileIndex, "last fragment ends at \(end) but bytes up to \(knownEnd) arrived")
            return nil
        }
        let growth = max(0, end - entry.bytes.count)
        guard bufferedBytes + growth <= limits.maxBufferedBytes else {
            report(.bufferLimit, frame, key.fileIndex, "fragment buffers hold \(bufferedBytes) bytes; fragment dropped")
            return nil
        }
        if growth > 0 {
            if offset <= entry.bytes.count, let base = data.baseAddress {
                // The common in-order case: append the new bytes themselves (one memcpy, no zero fill).
                let fresh = UnsafeBufferPointer(start: base.assumingMemoryBound(to: UInt8.self) + (entry.bytes.count - offset),
                                                count: growth)
                entry.bytes.append(contentsOf: fresh)
            } else {
                entry.bytes.append(contentsOf: repeatElement(0, count: growth))
            }
            bufferedBytes += growth
        }
        if !more { entry.total = end }
        if offset == 0, let upperProtocol { entry.upperProtocol = upperProtocol }

        var overlapDiffers = false
        var newBytes = 0
        if growth == data.count, !data.isEmpty, entry.covered.last?.upperBound ?? 0 == offset {
            // In order (the usual case): the bytes were appended above and extend the last range.
            newBytes = growth
            if entry.covered.isEmpty {
                entry.covered.append(offset..<end)
            } else {
                entry.covered[entry.covered.count - 1] = entry.covered[entry.covered.count - 1].lowerBound..<end
            }
        } else {
            mergeOutOfOrder(&entry, offset: offset, data: data, overlapDiffers: &overlapDiffers, newBytes: &newBytes)
        }

        if overlapDiffers {
            report(.overlappingFragments, frame, key.fileIndex, "fragment [\(offset), \(end)) overlaps earlier bytes with different content; earlier kept")
        } else if newBytes == 0 && !data.isEmpty {
            duplicates += 1
        }
        if !entry.frames.containsFrame(frame) { entry.frames.append(frame) }

        guard let total = entry.total, entry.covered.count == 1, entry.covered[0] == 0..<total else { return nil }
        guard let upper = entry.upperProtocol ?? upperProtocol else { return nil }
        bufferedBytes -= entry.bytes.count
        // The buffer never grows past the last fragment's end, so it is exactly the datagram: moved, not copied.
        var bytes: [UInt8] = []
        swap(&bytes, &entry.bytes)
        let datagram = Datagram(bytes: bytes, frames: entry.frames, upperProtocol: upper)
        entry.frames = FrameNumbers()  // tells the defer not to put it back
        entry.covered.removeAll(keepingCapacity: true)
        swap(&entry.covered, &spareCovered)
        reassembled += 1
        return datagram
    }

    /// Copies the parts of a fragment not received yet (the first arrival wins), notes whether the
    /// overlapping parts differ, and merges its range into the sorted covered ranges.
    private func mergeOutOfOrder(_ entry: inout Pending, offset: Int, data: UnsafeRawBufferPointer,
                                 overlapDiffers: inout Bool, newBytes: inout Int) {
        let end = offset + data.count
        var cursor = offset
        var differs = false, fresh = 0
        entry.bytes.withUnsafeMutableBytes { buffer in
            for range in entry.covered {
                if range.upperBound <= cursor || range.lowerBound >= end { continue }
                if range.lowerBound > cursor {
                    copy(data, from: cursor - offset, to: buffer, at: cursor, count: range.lowerBound - cursor)
                    fresh += range.lowerBound - cursor
                }
                let overlapEnd = min(range.upperBound, end)
                let overlapStart = max(range.lowerBound, cursor)
                for index in overlapStart..<overlapEnd where buffer[index] != data[index - offset] {
                    differs = true
                    break
                }
                cursor = max(cursor, overlapEnd)
            }
            if cursor < end {
                copy(data, from: cursor - offset, to: buffer, at: cursor, count: end - cursor)
                fresh += end - cursor
            }
        }
        // Merge [offset, end) into the sorted covered ranges in place (they are few: no new arrays).
        var span = offset..<end
        var index = 0
        while index < entry.covered.count {
            let range = entry.covered[index]
            if range.upperBound < span.lowerBound {
                index += 1
            } else if range.lowerBound > span.upperBound {
                break
            } else {
                span = min(range.lowerBound, span.lowerBound)..<max(range.upperBound, span.upperBound)
                entry.covered.remove(at: index)
            }
        }
        if !span.isEmpty { entry.covered.insert(span, at: index) }

        overlapDiffers = differs
        newBytes = fresh
    }

    /// Drops datagrams that began before `limit`, reporting each at its first frame.
    mutating func expire(olderThan limit: CaptureTime, report: (DecodeProblemKind, _ frame: Int, _ fileIndex: Int, String) -> Void) {
        settleRecent()
        let stale = pending.filter { $0.value.firstTime < limit }
        for (key, entry) in stale.sorted(by: { $0.value.firstFrame < $1.value.firstFrame }) {
            report(.fragmentTimeout, entry.firstFrame, key.fileIndex,
                   "datagram \(key.identification) from \(key.source) incomplete after \(limits.timeout) s; \(entry.frames.count) fragment(s) dropped")
            bufferedBytes -= entry.bytes.count
            pending[key] = nil
        }
    }

    /// Reports every datagram still incomplete at the end of the capture.
    mutating func finish(report: (DecodeProblemKind, _ frame: Int, _ fileIndex: Int, String) -> Void) {
        settleRecent()
        for (key, entry) in pending.sorted(by: { $0.value.firstFrame < $1.value.firstFrame }) {
            report(.fragmentTimeout, entry.firstFrame, key.fileIndex,
                   "datagram \(key.identification) from \(key.source) incomplete at end of capture; \(entry.frames.count) fragment(s) dropped")
        }
        pending = [:]
        bufferedBytes = 0
    }

    /// Takes the bytes of a datagram `add` returned back once it was decoded, for the next one.
    mutating func recycle(_ bytes: inout [UInt8]) {
        guard bytes.capacity <= 4096 else { return }  // a large datagram's buffer is given back
        bytes.removeAll(keepingCapacity: true)
        swap(&bytes, &spareBytes)
    }

    /// Moves the recent datagram out, leaving an empty one in its place (no copy).
    private mutating func takeRecent() -> Pending {
        recentKey = nil
        var entry = Pending(firstFrame: 0, firstTime: .zero)
        swap(&entry, &recentEntry)
        return entry
    }

    /// Moves the recent datagram into `pending`.
    private mutating func settleRecent() {
        if let key = recentKey { pending[key] = takeRecent() }
    }

    @inline(__always)
    private func copy(_ source: UnsafeRawBufferPointer, from: Int, to target: UnsafeMutableRawBufferPointer,
                      at: Int, count: Int) {
        guard count > 0, let base = source.baseAddress, let targetBase = target.baseAddress else { return }
        (targetBase + at).copyMemory(from: base + from, byteCount: count)
    }
}
