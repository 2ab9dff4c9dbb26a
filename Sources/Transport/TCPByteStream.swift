import Capture

/// One direction of a TCP connection: puts segments back into sequence order (32-bit wrap,
/// RFC 9293 3.4), drops retransmissions, buffers out-of-order data within limits, skips holes
/// that can no longer fill, and hands the in-order bytes to a `SIPStreamFramer`.
struct TCPByteStream: Sendable {
    /// Data received in one segment; buffered (out of order) as a copy of its own.
    struct Chunk: Sendable {
        var sequence: UInt32
        var bytes: ArraySlice<UInt8>
        var frame: Int
        var fileIndex: Int
        var time: CaptureTime
    }

    var framer: SIPStreamFramer
    /// Sequence number of the next byte expected; nil before the first SYN or data.
    private(set) var nextSequence: UInt32?
    /// Sequence number of the SYN, when it was captured.
    private(set) var initialSequence: UInt32?
    /// True once the FIN was reached in sequence, or the connection was reset.
    private(set) var isClosed = false
    /// Bytes handed to the framer.
    private(set) var deliveredBytes = 0
    /// Out-of-order data, sorted by sequence, never overlapping.
    private(set) var pending: [Chunk] = []
    private(set) var pendingBytes = 0
    private var finSequence: UInt32?
    /// When the current hole opened (first out-of-order chunk after in-order delivery).
    private var holeSince: CaptureTime?
    /// The last two chunks delivered, to tell a retransmission with different bytes.
    private var delivered = DeliveredHistory()
    /// TCP problems seen before the stream showed SIP: reported once it does, dropped if it never
    /// does (gaps and overlaps on HTTPS or other traffic are not SIP decoding problems).
    private var deferredProblems: [DecodeProblem] = []

    /// Beyond this distance from the expected sequence number a segment is a discontinuity, not
    /// a retransmission or reordering: larger than any realistic window.
    static let maxSequenceJump = 1 << 26

    init(flow: Flow, framing: SIPStreamFramer.Limits) {
        framer = SIPStreamFramer(flow: flow, limits: framing)
    }

    /// Distance from the expected sequence number to `sequence`, with 32-bit wrap.
    @inline(__always)
    private func offset(of sequence: UInt32, from next: UInt32) -> Int {
        Int(Int32(bitPattern: sequence &- next))
    }

    /// A SYN (RFC 9293 3.4.1): the stream starts one past its sequence number.
    mutating func open(initialSequence: UInt32) {
        self.initialSequence = initialSequence
        nextSequence = initialSequence &+ 1
    }

    /// Takes one segment travelling in this direction.
    mutating func receive(_ segment: TCPSegment, limits: TCPReassembler.Limits,
                          emit: (SIPPayloadView) -> Void, problem: (DecodeProblem) -> Void) {
        var sequence = segment.sequence
        if segment.flags.contains(.syn) {
            // A retransmitted SYN must not rewind a stream already under way.
            if initialSequence != segment.sequence { open(initialSequence: segment.sequence) }
            sequence &+= 1
        }
        if nextSequence == nil { nextSequence = sequence }  // joined mid-stream
        if isClosed {
            if !segment.payload.isEmpty { compareRetransmission(sequence, segment.payload, frame: segment.frame, problem) }
            return
        }
        if segment.flags.contains(.fin) { finSequence = sequence &+ UInt32(truncatingIfNeeded: segment.payload.count) }
        if !segment.payload.isEmpty {
            accept(Chunk(sequence: sequence, bytes: segment.payload, frame: segment.frame,
                         fileIndex: segment.fileIndex, time: segment.time),
                   limits: limits, emit: emit, problem: problem)
        }
        if let since = holeSince, segment.time.seconds(since: since) > limits.holeTimeout {
            skipHoles(now: segment.time, reason: "no retransmission within \(limits.holeTimeout) s",
                      emit: emit, problem: problem)
        }
        closeIfFinished(problem: problem)
    }

    /// The peer acknowledged up to `acknowledgment`: data before it that is still missing here
    /// was received but never captured, so the hole cannot fill.
    mutating func acknowledged(_ acknowledgment: UInt32, now: CaptureTime,
                               emit: (SIPPayloadView) -> Void, problem: (DecodeProblem) -> Void) {
        while let next = nextSequence, let first = pending.first {
            let acked = offset(of: acknowledgment, from: next)
            guard acked > 0, acked < Self.maxSequenceJump, acked >= offset(of: first.sequence, from: next) else { return }
            skipHole(reason: "acknowledged by the receiver but not captured", emit: emit, problem: problem)
        }
        closeIfFinished(problem: problem)
    }

    /// Gives up on holes open longer than the limit allows (capture time `now`).
    mutating func expireHoles(now: CaptureTime, limits: TCPReassembler.Limits,
                              emit: (SIPPayloadView) -> Void, problem: (DecodeProblem) -> Void) {
        guard let since = holeSince, now.seconds(since: since) > limits.holeTimeout else { return }
        skipHoles(now: now, reason: "no retransmission within \(limits.holeTimeout) s", emit: emit, problem: problem)
        closeIfFinished(problem: problem)
    }

    /// The connection ended (FIN, RST, expiry, end of capture): delivers what is buffered past
    /// any holes, then finishes the framer.
    mutating func close(emit: (SIPPayloadView) -> Void, problem: (DecodeProblem) -> Void) {
        while !pending.isEmpty {
            skipHole(reason: "the stream ended before they arrived", emit: emit, problem: problem)
        }
        if !isClosed { framer.finish(problem: problem) }
        isClosed = true
        delivered.removeAll()
    }

    // MARK: - Sequencing

    private mutating func accept(_ chunk: Chunk, limits: TCPReassembler.Limits,
                                 emit: (SIPPayloadView) -> Void, problem: (DecodeProblem) -> Void) {
        guard let next = nextSequence else { return }
        let count = chunk.bytes.count
        let start = offset(of: chunk.sequence, from: next)
        if framer.isIgnoring {
            // Not SIP: only follow the sequence numbers.
            if start + count > 0 { nextSequence = chunk.sequence &+ UInt32(truncatingIfNeeded: count) }
            return
        }
        // Fast path: exactly the next bytes and nothing waiting.
        if start == 0, pending.isEmpty {
            deliver(chunk, emit: emit, problem: problem)
            return
        }
        if start > Self.maxSequenceJump || start + count < -Self.maxSequenceJump {
            report(problem, DecodeProblem(kind: .tcpGap, frame: chunk.frame, fileIndex: chunk.fileIndex,
                                  detail: "sequence number jumped by \(start) bytes (\(framer.flow))"))
            pending.removeAll()
            pendingBytes = 0
            holeSince = nil
            framer.skipGap()
            nextSequence = chunk.sequence
            deliver(chunk, emit: emit, problem: problem)
            return
        }
        if start < 0, restartEarlier(chunk, limits: limits, emit: emit, problem: problem) { return }
        if start + count <= 0 {
            // A keep-alive probe repeats the byte before the next one, often as garbage (Windows
            // sends 0x00): it is no retransmission to compare.
            if !(count == 1 && start == -1) {
                compareRetransmission(chunk.sequence, chunk.bytes, frame: chunk.frame, problem)
            }
            return
        }
        var chunk = chunk
        if start < 0 {
            compareRetransmission(chunk.sequence, chunk.bytes.prefix(-start), frame: chunk.frame, problem)
            chunk.bytes = chunk.bytes.dropFirst(-start)
            chunk.sequence = next
        } else {
            // Out of order: make room within the limits by giving up the oldest holes.
            while pendingBytes + count > limits.maxBufferedBytesPerDirection
                    || pending.count >= limits.maxOutOfOrderSegments {
                report(problem, DecodeProblem(kind: .bufferLimit, frame: chunk.frame, fileIndex: chunk.fileIndex,
                                      detail: "out-of-order buffer full (\(pending.count) segments, "
                                          + "\(pendingBytes) bytes) on \(framer.flow)"))
                if pending.isEmpty {
                    skipTo(chunk, reason: "a segment larger than the out-of-order buffer", problem: problem)
                    break
                }
                skipHole(reason: "the out-of-order buffer is full", emit: emit, problem: problem)
                guard let next = nextSequence, !isClosed else { return }
                if offset(of: chunk.sequence, from: next) <= 0 {
                    // The skip reached this segment: it is now in order or old.
                    accept(chunk, limits: limits, emit: emit, problem: problem)
                    return
                }
            }
        }
        insert(chunk, problem: problem)
        if holeSince == nil, let first = pending.first, first.sequence != nextSequence { holeSince = chunk.time }
        drain(emit: emit, problem: problem)
    }

    /// A capture that joined the stream mid-way may see its first segments out of order: data
    /// before the first segment seen moves the start back, as long as everything delivered so far
    /// is still at hand (at most two segments) and no message came out yet. True when it did.
    private mutating func restartEarlier(_ chunk: Chunk, limits: TCPReassembler.Limits,
                                         emit: (SIPPayloadView) -> Void, problem: (DecodeProblem) -> Void) -> Bool {
        guard initialSequence == nil, framer.emittedMessages == 0, !framer.isWebSocket, let next = nextSequence
        else { return false }
        let seen = delivered.entries.map(\.chunk)
        let start = offset(of: chunk.sequence, from: next)
        // Only data that begins before everything delivered so far; the rest is a retransmission.
        guard start < -deliveredBytes, deliveredBytes == seen.reduce(0, { $0 + $1.bytes.count }),
              -start <= limits.maxBufferedBytesPerDirection, pending.count + 3 <= limits.maxOutOfOrderSegments,
              pendingBytes + deliveredBytes + chunk.bytes.count <= limits.maxBufferedBytesPerDirection
        else { return false }
        framer = SIPStreamFramer(flow: Flow(source: framer.flow.source, destination: framer.flow.destination,
                                            transport: .tcp), limits: framer.limits)
        nextSequence = chunk.sequence
        deliveredBytes = 0
        delivered.removeAll()
        // What was seen first keeps its bytes where the new chunk overlaps it.
        for piece in seen + [chunk] { insert(piece, problem: problem) }
        if let first = pending.first, first.sequence != nextSequence, holeSince == nil { holeSince = chunk.time }
        drain(emit: emit, problem: problem)
        return true
    }

    /// Adds the parts of `chunk` not already pending; overlaps keep the first data (counted when
    /// the bytes differ).
    private mutating func insert(_ chunk: Chunk, problem: (DecodeProblem) -> Void) {
        guard let next = nextSequence else { return }
        let start = offset(of: chunk.sequence, from: next)
        let end = start + chunk.bytes.count
        var cursor = start
        var differs = false
        var pieces: [Range<Int>] = []
        var insertAt = pending.count
        for (index, other) in pending.enumerated() {
            let otherStart = offset(of: other.sequence, from: next)
            let otherEnd = otherStart + other.bytes.count
            if otherEnd <= cursor { continue }
            if otherStart >= end { insertAt = min(insertAt, index); break }
            insertAt = min(insertAt, index)
            if otherStart > cursor { pieces.append(cursor..<otherStart) }
            let overlap = max(cursor, otherStart)..<min(end, otherEnd)
            if !differs {
                differs = !chunk.bytes.dropFirst(overlap.lowerBound - start).prefix(overlap.count)
                    .elementsEqual(other.bytes.dropFirst(overlap.lowerBound - otherStart).prefix(overlap.count))
            }
            cursor = otherEnd
            if cursor >= end { break }
        }
        if cursor < end { pieces.append(cursor..<end) }
        if differs {
            report(problem, DecodeProblem(kind: .tcpOverlap, frame: chunk.frame, fileIndex: chunk.fileIndex,
                                  detail: "segment overlaps buffered data with different bytes; first data kept (\(framer.flow))"))
        }
        for piece in pieces {
            var part = chunk
            part.sequence = next &+ UInt32(truncatingIfNeeded: piece.lowerBound)
            // A copy of its own: the segment's bytes are the decoder's scratch buffer.
            part.bytes = Array(chunk.bytes.dropFirst(piece.lowerBound - start).prefix(piece.count))[...]
            // Pieces are in order and fall into the gaps between pending chunks.
            while insertAt < pending.count, offset(of: pending[insertAt].sequence, from: next) < piece.lowerBound {
                insertAt += 1
            }
            pending.insert(part, at: insertAt)
            insertAt += 1
            pendingBytes += piece.count
        }
    }

    /// Delivers pending chunks that are now in sequence.
    private mutating func drain(emit: (SIPPayloadView) -> Void, problem: (DecodeProblem) -> Void) {
        while let next = nextSequence, let first = pending.first, offset(of: first.sequence, from: next) <= 0 {
            pending.removeFirst()
            pendingBytes -= first.bytes.count
            let start = offset(of: first.sequence, from: next)
            guard start + first.bytes.count > 0 else { continue }
            var chunk = first
            chunk.bytes = first.bytes.dropFirst(-start)
            chunk.sequence = next
            deliver(chunk, emit: emit, problem: problem)
        }
        holeSince = pending.isEmpty ? nil : holeSince
    }

    private mutating func deliver(_ chunk: Chunk, emit: (SIPPayloadView) -> Void, problem: (DecodeProblem) -> Void) {
        nextSequence = chunk.sequence &+ UInt32(truncatingIfNeeded: chunk.bytes.count)
        deliveredBytes += chunk.bytes.count
        delivered.remember(chunk)
        framer.append(chunk.bytes, frame: chunk.frame, fileIndex: chunk.fileIndex, time: chunk.time,
                      lend: emit, problem: problem)
        if !deferredProblems.isEmpty, framer.carriesSIP {
            deferredProblems.forEach(problem)
            deferredProblems.removeAll()
        }
    }

    /// Reports a TCP-level problem now if the stream carries SIP, later if it turns out to.
    private mutating func report(_ problem: (DecodeProblem) -> Void, _ found: DecodeProblem) {
        if framer.carriesSIP {
            problem(found)
        } else if deferredProblems.count < 16 {
            deferredProblems.append(found)
        }
    }

    /// Skips the hole before the first pending chunk: those bytes were never captured.
    private mutating func skipHole(reason: String, emit: (SIPPayloadView) -> Void, problem: (DecodeProblem) -> Void) {
        guard let next = nextSequence, let first = pending.first else { return }
        report(problem, DecodeProblem(kind: .tcpGap, frame: first.frame, fileIndex: first.fileIndex,
                              detail: "\(offset(of: first.sequence, from: next)) bytes before this frame never "
                                  + "captured: \(reason) (\(framer.flow))"))
        nextSequence = first.sequence
        framer.skipGap()
        drain(emit: emit, problem: problem)
    }

    private mutating func skipHoles(now: CaptureTime, reason: String,
                                    emit: (SIPPayloadView) -> Void, problem: (DecodeProblem) -> Void) {
        while !pending.isEmpty { skipHole(reason: reason, emit: emit, problem: problem) }
        holeSince = nil
    }

    /// Jumps straight to `chunk`, which cannot be buffered at all.
    private mutating func skipTo(_ chunk: Chunk, reason: String, problem: (DecodeProblem) -> Void) {
        guard let next = nextSequence else { return }
        report(problem, DecodeProblem(kind: .tcpGap, frame: chunk.frame, fileIndex: chunk.fileIndex,
                              detail: "\(offset(of: chunk.sequence, from: next)) bytes before this frame skipped: "
                                  + "\(reason) (\(framer.flow))"))
        nextSequence = chunk.sequence
        framer.skipGap()
    }

    /// Old data seen again: dropped, but counted when it differs from what was delivered.
    private mutating func compareRetransmission(_ sequence: UInt32, _ bytes: ArraySlice<UInt8>, frame: Int,
                                                _ problem: (DecodeProblem) -> Void) {
        for earlier in [delivered.last, delivered.previous] {
            guard let earlier else { continue }
            let shift = offset(of: sequence, from: earlier.sequence)
            // A shift beyond the earlier data (crafted sequence numbers) means no overlap at all.
            let lower = max(0, shift), upper = min(earlier.bytes.count, shift + bytes.count)
            guard lower < upper else { continue }
            let overlap = lower..<upper
            let same = earlier.bytes.dropFirst(overlap.lowerBound).prefix(overlap.count)
                .elementsEqual(bytes.dropFirst(overlap.lowerBound - shift).prefix(overlap.count))
            if !same {
                report(problem, DecodeProblem(kind: .tcpOverlap, frame: frame, fileIndex: earlier.fileIndex,
                                      detail: "retransmission differs from the data first seen in frame "
                                          + "\(earlier.frame); first data kept (\(framer.flow))"))
                return
            }
        }
    }

    private mutating func closeIfFinished(problem: (DecodeProblem) -> Void) {
        guard !isClosed, let fin = finSequence, let next = nextSequence, offset(of: fin, from: next) <= 0 else { return }
        isClosed = true
        pending.removeAll()
        pendingBytes = 0
        holeSince = nil
        framer.finish(problem: problem)
    }
}
