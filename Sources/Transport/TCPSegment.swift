import Capture

/// One decoded TCP segment, as the IP layer hands it to `TCPReassembler`.
public struct TCPSegment: Sendable {
    /// Source and destination endpoint of this segment; `transport` is `.tcp`.
    public var flow: Flow
    /// Sequence number of the first payload byte (of the SYN when `flags` holds `.syn`).
    public var sequence: UInt32
    /// Acknowledgment number; meaningful only when `flags` holds `.ack`.
    public var acknowledgment: UInt32
    public var flags: TCPFlags
    /// The TCP payload (possibly empty). The decoder lends it from a scratch buffer it refills for
    /// the next segment, so the reassembler copies what it keeps instead of holding on to the slice
    /// (holding it stays correct: the next refill then allocates a new buffer).
    public var payload: ArraySlice<UInt8>
    /// Frame number (from 1) of the packet that carried the segment.
    public var frame: Int
    public var fileIndex: Int
    public var time: CaptureTime

    /// A segment; `flags` defaults to a plain ACK, the common case for data.
    public init(flow: Flow, sequence: UInt32, acknowledgment: UInt32 = 0, flags: TCPFlags = [.ack],
                payload: ArraySlice<UInt8>, frame: Int, fileIndex: Int = 0, time: CaptureTime) {
        self.flow = flow
        self.sequence = sequence
        self.acknowledgment = acknowledgment
        self.flags = flags
        self.payload = payload
        self.frame = frame
        self.fileIndex = fileIndex
        self.time = time
    }
}
