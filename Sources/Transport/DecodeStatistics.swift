/// Counters of what Transport saw; `problems` feeds `summary.decode` in the JSON Lines contract.
public struct DecodeStatistics: Sendable, Equatable {
    public var frames = 0
    /// SIP messages emitted, by transport.
    public var sipPayloads: [TransportProtocol: Int] = [:]
    /// Frames per link type (raw DLT number).
    public var linkTypes: [Int32: Int] = [:]
    public var problems: [DecodeProblemKind: Int] = [:]

    public init() {}

    public mutating func count(_ kind: DecodeProblemKind) { problems[kind, default: 0] += 1 }
    public var sipMessages: Int { sipPayloads.values.reduce(0, +) }
}
