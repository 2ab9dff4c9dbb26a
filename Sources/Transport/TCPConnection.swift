import Capture

/// Both directions of one TCP connection, keyed by its endpoint pair.
struct TCPConnection: Sendable {
    /// The endpoint pair in a fixed order, so both directions find the same connection.
    struct Key: Hashable, Sendable {
        var low: Endpoint
        var high: Endpoint

        /// The key of `flow`'s connection, and whether `flow` runs from `low` to `high`.
        static func of(_ flow: Flow) -> (key: Key, forward: Bool) {
            if precedes(flow.source, flow.destination) {
                return (Key(low: flow.source, high: flow.destination), true)
            }
            return (Key(low: flow.destination, high: flow.source), false)
        }

        private static func precedes(_ lhs: Endpoint, _ rhs: Endpoint) -> Bool {
            switch (lhs.address, rhs.address) {
            case (.v4(let left), .v4(let right)) where left != right: return left < right
            case (.v6(let leftHigh, let leftLow), .v6(let rightHigh, let rightLow))
                where leftHigh != rightHigh || leftLow != rightLow:
                return (leftHigh, leftLow) < (rightHigh, rightLow)
            case (.v4, .v6): return true
            case (.v6, .v4): return false
            default: return lhs.port < rhs.port
            }
        }
    }

    /// Bytes from `key.low` to `key.high`.
    var forward: TCPByteStream
    /// Bytes from `key.high` to `key.low`.
    var backward: TCPByteStream
    var lastActivity: CaptureTime
    /// Creation order, so that flushing many connections is deterministic.
    let serial: Int
    /// Closed by FINs both ways or a RST; kept a while to recognise late retransmissions.
    private(set) var isClosed = false

    init(key: Key, time: CaptureTime, serial: Int, framing: SIPStreamFramer.Limits) {
        forward = TCPByteStream(flow: Flow(source: key.low, destination: key.high, transport: .tcp), framing: framing)
        backward = TCPByteStream(flow: Flow(source: key.high, destination: key.low, transport: .tcp), framing: framing)
        lastActivity = time
        self.serial = serial
    }

    /// Whether `segment` belongs to a new connection on the same endpoint pair (RFC 9293 3.5:
    /// a new SYN, or new data after the old connection closed).
    func isReused(by segment: TCPSegment, forward isForward: Bool) -> Bool {
        // The common case first, without touching the streams: data on an open connection.
        guard isClosed || segment.flags.contains(.syn) else { return false }
        let stream = isForward ? forward : backward
        if segment.flags.contains(.syn) {
            if stream.initialSequence == segment.sequence { return false }  // retransmitted SYN
            return !segment.flags.contains(.ack) || stream.nextSequence != nil || isClosed
        }
        guard isClosed, !segment.payload.isEmpty else { return false }
        guard let next = stream.nextSequence else { return true }
        // Data that ends at or before where the old connection ended is a late retransmission.
        let end = segment.sequence &+ UInt32(truncatingIfNeeded: segment.payload.count)
        let distance = Int(Int32(bitPattern: end &- next))
        return distance > 0 || distance < -TCPByteStream.maxSequenceJump
    }

    /// When `segment` opens a new connection on this endpoint pair, flushes this one and starts
    /// afresh as number `serial`; returns whether it did. Mutating, so the common case costs no copy.
    mutating func replaceIfReused(by segment: TCPSegment, forward isForward: Bool, serial: Int,
                                  framing: SIPStreamFramer.Limits,
                                  emit: (SIPPayloadView) -> Void, problem: (DecodeProblem) -> Void) -> Bool {
        // isReused's own first test, made here: calling it on a connection held in the table
        // copies the whole connection (841 bytes) first, which data on an open connection need not.
        guard isClosed || segment.flags.contains(.syn) else { return false }
        guard isReused(by: segment, forward: isForward) else { return false }
        close(emit: emit, problem: problem)
        let key = Key(low: forward.framer.flow.source, high: forward.framer.flow.destination)
        self = TCPConnection(key: key, time: segment.time, serial: serial, framing: framing)
        return true
    }

    mutating func receive(_ segment: TCPSegment, forward isForward: Bool, limits: TCPReassembler.Limits,
                          emit: (SIPPayloadView) -> Void, problem: (DecodeProblem) -> Void) {
        lastActivity = max(lastActivity, segment.time)
        if isClosed { return }
        if isForward {
            forward.receive(segment, limits: limits, emit: emit, problem: problem)
            if segment.flags.contains(.ack) {
                backward.acknowledged(segment.acknowledgment, now: segment.time, emit: emit, problem: problem)
            }
        } else {
            backward.receive(segment, limits: limits, emit: emit, problem: problem)
            if segment.flags.contains(.ack) {
                forward.acknowledged(segment.acknowledgment, now: segment.time, emit: emit, problem: problem)
            }
        }
        if segment.flags.contains(.rst) {
            close(emit: emit, problem: problem)
        } else if forward.isClosed && backward.isClosed {
            isClosed = true
        }
    }

    mutating func expireHoles(now: CaptureTime, limits: TCPReassembler.Limits,
                              emit: (SIPPayloadView) -> Void, problem: (DecodeProblem) -> Void) {
        forward.expireHoles(now: now, limits: limits, emit: emit, problem: problem)
        backward.expireHoles(now: now, limits: limits, emit: emit, problem: problem)
    }

    /// Ends both directions, delivering what can be delivered.
    mutating func close(emit: (SIPPayloadView) -> Void, problem: (DecodeProblem) -> Void) {
        forward.close(emit: emit, problem: problem)
        backward.close(emit: emit, problem: problem)
        isClosed = true
    }
}
