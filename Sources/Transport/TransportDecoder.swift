import Capture

/// Turns captured frames into SIP payloads: link layer, tunnels, IP (with fragment reassembly),
/// UDP, TCP, SCTP and HEP.
///
/// A value owned by one pipeline. Feed frames in capture order with `decode`, then call `finish`
/// once to flush reassembly buffers. Malformed input never stops decoding: it is counted in
/// `statistics.problems` and reported with its frame number, either through the `problem` callback
/// of `decode(_:emit:problem:)` or, with `decode(_:emit:)`, kept for `drainProblems()`.
public struct TransportDecoder {
    public struct Limits: Sendable {
        public var fragments = FragmentReassembler.Limits.default
        public var tcp = TCPReassembler.Limits.default
        /// Tunnel layers (IP-in-IP, GRE, ERSPAN, VXLAN) decoded inside one frame.
        public var maxTunnelDepth = 8
        /// Bytes buffered per SCTP stream while a fragmented user message completes.
        public var maxSCTPMessageBytes = 256 << 10
        /// SCTP streams with a partial user message at once.
        public var maxSCTPPartialStreams = 1024
        /// Problems kept for `drainProblems()` between drains (all are counted regardless).
        public var maxUndrainedProblems = 10_000

        public init() {}
        public static let `default` = Limits()
    }

    public let limits: Limits
    /// Counters kept on the hot path; `statistics` assembles the public view from them.
    var counters = DecodeStatistics()
    /// SIP messages per transport, in the order of `TransportDecoder.slot(of:)`: a tuple, so that
    /// counting a message costs neither hashing nor an array's uniqueness check.
    var transportCounts = (0, 0, 0, 0, 0, 0)
    /// Frames of the link type seen last, not yet added to `counters.linkTypes`.
    private var currentLinkType: Int32 = -1
    private var currentLinkTypeFrames = 0

    /// What was decoded so far: frames, SIP messages by transport, problems by kind.
    public var statistics: DecodeStatistics {
        var result = counters
        let counts = [transportCounts.0, transportCounts.1, transportCounts.2, transportCounts.3, transportCounts.4,
                      transportCounts.5]
        for (slot, transport) in TransportDecoder.transports.enumerated() where counts[slot] > 0 {
            result.sipPayloads[transport, default: 0] += counts[slot]
        }
        if currentLinkTypeFrames > 0 { result.linkTypes[currentLinkType, default: 0] += currentLinkTypeFrames }
        result.duplicateFragments = fragments.duplicates
        result.reassembledDatagrams = fragments.reassembled
        return result
    }

    static let transports: [TransportProtocol] = [.udp, .tcp, .tls, .sctp, .ws, .wss]

    @inline(__always)
    static func slot(of transport: TransportProtocol) -> Int {
        switch transport {
        case .udp: 0
        case .tcp: 1
        case .tls: 2
        case .sctp: 3
        case .ws: 4
        case .wss: 5
        }
    }
    var fragments: FragmentReassembler
    var sctpPartial: [SCTPStreamKey: SCTPPartialMessage] = [:]
    var tcp: TCPReassembler
    /// Holds the payload of the TCP segment being decoded (see `decodeTCP`).
    var tcpScratch: [UInt8] = []
    private(set) var problemLog: [DecodeProblem] = []

    public init(limits: Limits = .default) {
        self.limits = limits
        fragments = FragmentReassembler(limits: limits.fragments)
        tcp = TCPReassembler(limits: limits.tcp)
    }

    /// Decodes one owned frame. Problems are kept for `drainProblems()`.
    public mutating func decode(_ frame: Frame, emit: (SIPPayload) -> Void) {
        frame.withPacketView { decodePacket($0, emit: { emit($0.payload()) }) }
    }

    /// Decodes one borrowed packet (the zero-copy path). Problems are kept for `drainProblems()`.
    public mutating func decode(_ packet: PacketView, emit: (SIPPayload) -> Void) {
        decodePacket(packet, emit: { emit($0.payload()) })
    }

    /// Decodes one borrowed packet and hands each problem it showed to `problem`.
    public mutating func decode(_ packet: PacketView, emit: (SIPPayload) -> Void, problem: (DecodeProblem) -> Void) {
        decode(packet, lend: { emit($0.payload()) }, problem: problem)
    }

    /// Decodes one borrowed packet, lends each SIP message it completes to `lend` (no copy: the
    /// view is valid during that call only) and hands each problem it showed to `problem`.
    public mutating func decode(_ packet: PacketView, lend: (SIPPayloadView) -> Void,
                                problem: (DecodeProblem) -> Void) {
        decodePacket(packet, emit: lend)
        if !problemLog.isEmpty { drainProblems().forEach(problem) }
    }

    /// Flushes reassembly state at the end of the input: incomplete datagrams and streams are
    /// reported, complete buffered messages emitted.
    public mutating func finish(emit: (SIPPayload) -> Void) {
        finishDecoding(emit: { emit($0.payload()) })
    }

    /// `finish` that hands each remaining problem to `problem`.
    public mutating func finish(emit: (SIPPayload) -> Void, problem: (DecodeProblem) -> Void) {
        finish(lend: { emit($0.payload()) }, problem: problem)
    }

    /// `finish` that lends the remaining messages (valid during the call) and hands each remaining
    /// problem to `problem`.
    public mutating func finish(lend: (SIPPayloadView) -> Void, problem: (DecodeProblem) -> Void) {
        finishDecoding(emit: lend)
        drainProblems().forEach(problem)
    }

    private mutating func finishDecoding(emit: (SIPPayloadView) -> Void) {
        var found: [(DecodeProblemKind, Int, Int, String)] = []
        fragments.finish { found.append(($0, $1, $2, $3)) }
        for (kind, frame, file, detail) in found { report(kind, frame: frame, fileIndex: file, detail: detail) }
        for (key, partial) in sctpPartial.sorted(by: { $0.value.frames.first ?? 0 < $1.value.frames.first ?? 0 }) {
            report(.malformedSCTP, frame: partial.frames.first ?? 0, fileIndex: key.fileIndex,
                   detail: "SCTP user message on stream \(key.stream) never ended")
        }
        sctpPartial = [:]
        finishTCP(emit: emit)
    }

    /// Problems reported since the last drain, in the order they were found.
    public mutating func drainProblems() -> [DecodeProblem] {
        defer { problemLog = [] }
        return problemLog
    }

    // MARK: - Internals shared by the layer decoders

    @inline(__always)
    private mutating func decodePacket(_ packet: PacketView, emit: (SIPPayloadView) -> Void) {
        counters.frames += 1
        if packet.linkType.rawValue != currentLinkType {
            if currentLinkTypeFrames > 0 { counters.linkTypes[currentLinkType, default: 0] += currentLinkTypeFrames }
            currentLinkType = packet.linkType.rawValue
            currentLinkTypeFrames = 0
        }
        currentLinkTypeFrames += 1
        let context = PacketContext(frame: packet.number, fileIndex: packet.fileIndex, time: packet.time)
        decodeLink(packet.linkType, packet.bytes, context, emit: emit)
    }

    mutating func report(_ kind: DecodeProblemKind, _ context: PacketContext, _ detail: String) {
        report(kind, frame: context.frame, fileIndex: context.fileIndex, detail: detail)
    }

    mutating func report(_ kind: DecodeProblemKind, frame: Int, fileIndex: Int, detail: String) {
        counters.count(kind)
        if problemLog.count < limits.maxUndrainedProblems {
            problemLog.append(DecodeProblem(kind: kind, frame: frame, fileIndex: fileIndex, detail: detail))
        }
    }

    mutating func emitSIP(_ bytes: UnsafeRawBufferPointer, flow: Flow, _ context: PacketContext,
                          time: CaptureTime? = nil, viaHEP: Bool = false, emit: (SIPPayloadView) -> Void) {
        TransportDecoder.tally(flow.transport, into: &transportCounts)
        if viaHEP { counters.hepPackets += 1 }
        emit(SIPPayloadView(bytes: bytes, flow: flow, time: time ?? context.time,
                            frames: context.allFrames, fileIndex: context.fileIndex, viaHEP: viaHEP))
    }

}
