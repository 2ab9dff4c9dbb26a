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
    /// `decode(atLeast:emit:problem:)` reached the end of the capture.
    private var isFinished = false

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

    /// Files of which not one frame could be read (e.g. a pcapng whose interfaces have different
    /// link types): an input error for the command line (exit 2), unlike a file cut short part-way.
    public var unreadableFiles: [CaptureError] {
        readErrors.filter { error in
            switch error {
            case .mixedLinkTypes(_, 0, _), .readFailed(_, 0, _): true
            default: false
            }
        }
    }

    /// Per-file statistics, in the order of `paths`.
    public var fileStatistics: [DecodeStatistics] { decoders.map(\.statistics) }

    /// All files' statistics added up.
    public var statistics: DecodeStatistics {
        decoders.reduce(into: DecodeStatistics()) { $0.add($1.statistics) }
    }

    /// Decodes everything, in capture-time order, then flushes the reassembly buffers; each SIP
    /// message is emitted as an owned copy.
    public func run(emit: (SIPPayload) -> Void, problem: (DecodeProblem) -> Void) {
        run(lend: { emit($0.payload()) }, problem: problem)
    }

    /// Decodes everything like `run(emit:problem:)`, but lends each SIP message without copying it:
    /// the view is valid only during the call to `lend` (see `SIPPayloadView`).
    public func run(lend emit: (SIPPayloadView) -> Void, problem: (DecodeProblem) -> Void) {
        // Work on a local copy (moved out, so it stays uniquely referenced and mutates in place).
        var local = decoders
        decoders = []
        defer { decoders = local }
        if local.count == 1 {
            run(&local[0], emit: emit, problem: problem)
            return
        }
        capture.forEachPacket { local[$0.fileIndex].decode($0, lend: emit, problem: problem) }
        for index in local.indices { local[index].finish(lend: emit, problem: problem) }
    }

    /// Decodes packets until `count` payloads and problems were handed out or the capture
    /// ended, and says whether more may come: false once the capture ended and the decoders
    /// finished (later calls hand out nothing). `run` decodes everything at once; this is for
    /// callers that decode in turns between other work (`Analysis.runConcurrently`).
    public func decode(atLeast count: Int, emit: (SIPPayload) -> Void,
                       problem: (DecodeProblem) -> Void) -> Bool {
        guard !isFinished else { return false }
        var local = decoders
        decoders = []
        defer { decoders = local }
        var handedOut = 0
        func lend(_ view: SIPPayloadView) {
            emit(view.payload())
            handedOut += 1
        }
        func note(_ decodeProblem: DecodeProblem) {
            problem(decodeProblem)
            handedOut += 1
        }
        while handedOut < count {
            guard capture.nextPacket({ local[$0.fileIndex].decode($0, lend: lend, problem: note) }) else {
                for index in local.indices { local[index].finish(lend: lend, problem: note) }
                isFinished = true
                return false
            }
        }
        return true
    }

    /// The single-file loop: the decoder is an `inout` parameter, so the per-packet closure
    /// mutates it under static exclusivity checking, without a runtime access check per packet.
    private func run(_ decoder: inout TransportDecoder, emit: (SIPPayloadView) -> Void,
                     problem: (DecodeProblem) -> Void) {
        capture.forEachPacket { decoder.decode($0, lend: emit, problem: problem) }
        decoder.finish(lend: emit, problem: problem)
    }
}
