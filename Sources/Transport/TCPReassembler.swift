import Capture

/// Reassembles TCP connections into SIP messages.
///
/// Feed it every TCP segment in capture order. Per connection and direction it restores
/// sequence order (32-bit wrap), drops retransmissions, buffers out-of-order segments within
/// `Limits`, recognises connection reuse (a new SYN on the same endpoint pair), follows
/// captures that start mid-stream, and skips holes that cannot fill (`tcp_gaps`), resynchronising
/// at the next SIP start line. The in-order bytes go through a `SIPStreamFramer` per direction.
///
/// Memory is bounded by `Limits`; idle connections expire in capture time on their own as
/// segments arrive, and `expire(olderThan:)` / `finish` flush them explicitly.
public struct TCPReassembler: Sendable {
    /// The bounds reassembly keeps to.
    public let limits: Limits
    private var connections: [TCPConnection.Key: TCPConnection] = [:]
    /// Where recently used connections sit in `connections`: then finding a segment's
    /// connection costs no hashing. Cleared whenever a connection is added or removed (which
    /// invalidates dictionary indices).
    private var lookupCache = TCPLookupCache()
    private var serial = 0
    private var nextSweep: CaptureTime?

    /// An empty reassembler; `limits` bound its memory.
    public init(limits: Limits = .default) {
        self.limits = limits
    }

    /// Connections held, including recently closed ones kept to recognise late retransmissions.
    public var connectionCount: Int { connections.count }

    /// Takes one segment; emits every SIP message it completes (an owned copy of each) and reports
    /// every problem it shows.
    public mutating func ingest(_ segment: TCPSegment, emit: (SIPPayload) -> Void, problem: (DecodeProblem) -> Void) {
        ingest(segment, lend: { emit($0.payload()) }, problem: problem)
    }

    /// Takes one segment; lends every SIP message it completes (valid during the call) and
    /// reports every problem it shows.
    public mutating func ingest(_ segment: TCPSegment, lend emit: (SIPPayloadView) -> Void,
                                problem: (DecodeProblem) -> Void) {
        sweepIfDue(now: segment.time, emit: emit, problem: problem)
        let (key, isForward) = TCPConnection.Key.of(segment.flow)
        if let index = index(of: key) {
            if connections.values[index].replaceIfReused(by: segment, forward: isForward, serial: serial + 1,
                                                         framing: limits.framing, emit: emit, problem: problem) {
                serial += 1
            }
            connections.values[index].receive(segment, forward: isForward, limits: limits, emit: emit, problem: problem)
            return
        }
        // A bare ACK or FIN of a connection we never saw carries nothing to reassemble.
        guard segment.flags.contains(.syn) || !segment.payload.isEmpty else { return }
        if connections.count >= limits.maxStreams {
            evictOldest(frame: segment.frame, fileIndex: segment.fileIndex, emit: emit, problem: problem)
        }
        var connection = newConnection(key, time: segment.time)
        connection.receive(segment, forward: isForward, limits: limits, emit: emit, problem: problem)
        lookupCache.removeAll()
        connections[key] = connection
    }

    private mutating func index(of key: TCPConnection.Key) -> [TCPConnection.Key: TCPConnection].Index? {
        if let index = lookupCache.index(of: key) { return index }
        guard let index = connections.index(forKey: key) else { return nil }
        lookupCache.remember(key, at: index)
        return index
    }

    /// Flushes and forgets connections with no segment since `olderThan` (capture time).
    public mutating func expire(olderThan cutoff: CaptureTime, emit: (SIPPayload) -> Void,
                                problem: (DecodeProblem) -> Void) {
        expire(olderThan: cutoff, lend: { emit($0.payload()) }, problem: problem)
    }

    /// `expire(olderThan:emit:problem:)` lending the messages instead of copying them.
    public mutating func expire(olderThan cutoff: CaptureTime, lend emit: (SIPPayloadView) -> Void,
                                problem: (DecodeProblem) -> Void) {
        let idle = connections.filter { $0.value.lastActivity < cutoff }.sorted { $0.value.serial < $1.value.serial }
        if !idle.isEmpty { lookupCache.removeAll() }
        for (key, var connection) in idle {
            connections.removeValue(forKey: key)
            connection.close(emit: emit, problem: problem)
        }
    }

    /// End of input: flushes every connection (in the order they were first seen) and forgets them.
    public mutating func finish(emit: (SIPPayload) -> Void, problem: (DecodeProblem) -> Void) {
        finish(lend: { emit($0.payload()) }, problem: problem)
    }

    /// `finish(emit:problem:)` lending the messages instead of copying them.
    public mutating func finish(lend emit: (SIPPayloadView) -> Void, problem: (DecodeProblem) -> Void) {
        let all = connections.values.sorted { $0.serial < $1.serial }
        lookupCache.removeAll()
        connections.removeAll()
        for var connection in all { connection.close(emit: emit, problem: problem) }
    }

    private mutating func newConnection(_ key: TCPConnection.Key, time: CaptureTime) -> TCPConnection {
        serial += 1
        return TCPConnection(key: key, time: time, serial: serial, framing: limits.framing)
    }

    /// Expires idle connections and long-open holes every so often in capture time.
    private mutating func sweepIfDue(now: CaptureTime, emit: (SIPPayloadView) -> Void, problem: (DecodeProblem) -> Void) {
        guard let due = nextSweep else {
            nextSweep = now.adding(seconds: limits.sweepInterval)
            return
        }
        guard now >= due else { return }
        nextSweep = now.adding(seconds: limits.sweepInterval)
        expire(olderThan: now.adding(seconds: -limits.idleTimeout), lend: emit, problem: problem)
        for index in connections.indices {
            connections.values[index].expireHoles(now: now, limits: limits, emit: emit, problem: problem)
        }
    }

    /// Makes room for a new connection: closes the least recently active ones, about one in
    /// sixteen at a time so that a flood of new connections does not rescan the table each time.
    private mutating func evictOldest(frame: Int, fileIndex: Int, emit: (SIPPayloadView) -> Void,
                                      problem: (DecodeProblem) -> Void) {
        let victims = connections.sorted {
            ($0.value.isClosed ? 0 : 1, $0.value.lastActivity, $0.value.serial)
                < ($1.value.isClosed ? 0 : 1, $1.value.lastActivity, $1.value.serial)
        }.prefix(max(1, connections.count / 16))
        lookupCache.removeAll()
        for (key, var connection) in victims {
            connections.removeValue(forKey: key)
            if !connection.isClosed, connection.forward.framer.carriesSIP || connection.backward.framer.carriesSIP {
                problem(DecodeProblem(kind: .bufferLimit, frame: frame, fileIndex: fileIndex,
                                      detail: "more than \(limits.maxStreams) TCP connections: closed "
                                          + "\(connection.forward.framer.flow) early"))
            }
            connection.close(emit: emit, problem: problem)
        }
    }
}
