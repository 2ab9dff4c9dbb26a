/// Counters of what Transport saw; `problems` feeds `summary.decode` in the JSON Lines contract.
public struct DecodeStatistics: Sendable, Equatable {
    public var frames = 0
    /// SIP messages emitted, by transport.
    public var sipPayloads: [TransportProtocol: Int] = [:]
    /// Frames per link type (raw DLT number).
    public var linkTypes: [Int32: Int] = [:]
    public var problems: [DecodeProblemKind: Int] = [:]
    /// Frames without an IP packet for us (ARP, LLDP, other ethertypes).
    public var nonIPFrames = 0
    /// UDP payloads and TCP/SCTP data that were only CRLF keep-alives (RFC 5626 3.5.1).
    public var keepAlives = 0
    /// SIP messages taken out of HEP envelopes (also counted in `sipPayloads`).
    public var hepPackets = 0
    /// IP datagrams rebuilt from fragments.
    public var reassembledDatagrams = 0
    /// Fragments that repeated bytes already received, identically (not a problem).
    public var duplicateFragments = 0

    public init() {}

    public mutating func count(_ kind: DecodeProblemKind) { problems[kind, default: 0] += 1 }
    public var sipMessages: Int { sipPayloads.values.reduce(0, +) }
}

extension DecodeStatistics {
    /// Adds another file's counters to these (for a run's summary over several files).
    public mutating func add(_ other: DecodeStatistics) {
        frames += other.frames
        sipPayloads.merge(other.sipPayloads, uniquingKeysWith: +)
        linkTypes.merge(other.linkTypes, uniquingKeysWith: +)
        problems.merge(other.problems, uniquingKeysWith: +)
        nonIPFrames += other.nonIPFrames
        keepAlives += other.keepAlives
        hepPackets += other.hepPackets
        reassembledDatagrams += other.reassembledDatagrams
        duplicateFragments += other.duplicateFragments
    }

    /// Problems found, over all kinds.
    public var problemCount: Int { problems.values.reduce(0, +) }
}
