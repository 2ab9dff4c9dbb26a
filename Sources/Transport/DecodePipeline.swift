import Capture

/// The decode loop shared by every command: capture files in, SIP payloads and decode problems out.
///
/// Reads the files merged in capture-time order through the zero-copy path and decodes each with
/// its own `TransportDecoder` (frame numbers and reassembly state are per file), so the statistics
/// are per file too. Memory is bounded by the decoders' limits, not by the files' sizes.
public final class DecodePipeline {
    public let paths: [String]
    private let capture: MergedCapture
    private var decoders: [TransportDecoder]

    /// Opens every file (a bad file or filter throws before anything is read).
    public init(paths: [String], filter: String? = nil,
                limits: TransportDecoder.Limits = .default) throws(CaptureError) {
        self.paths = paths
        capture = try MergedCapture(paths: paths, filter: filter)
        decoders = Array(repeating: TransportDecoder(limits: limits), count: paths.count)
    }

    /// The link type of each file (of its first interface for pcapng).
    public var linkTypes: [LinkType] { capture.files.map(\.linkType) }

    /// Files that stopped early (truncated or corrupt); what came before was decoded.
    public var readErrors: [CaptureError] { capture.readErrors }

    /// Per-file statistics, in the order of `paths`.
    public var fileStatistics: [DecodeStatistics] { decoders.map(\.statistics) }

    /// All files' statistics added up.
    public var statistics: DecodeStatistics {
        decoders.reduce(into: DecodeStatistics()) { $0.add($1.statistics) }
    }

    /// Decodes everything, in capture-time order, then flushes the reassembly buffers.
    public func run(emit: (SIPPayload) -> Void, problem: (DecodeProblem) -> Void) {
        while let more = capture.withNextPacket({ packet -> Bool in
            decoders[packet.fileIndex].decode(packet, emit: emit, problem: problem)
            return true
        }), more {}
        for index in decoders.indices { decoders[index].finish(emit: emit, problem: problem) }
    }
}
