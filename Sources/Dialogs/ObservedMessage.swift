import Capture
import SIP
import Transport

/// One SIP message as the capture saw it: the parsed message plus where and when it crossed the wire.
///
/// The same logical request appears as several `ObservedMessage`s when the capture sees it on
/// both sides of a proxy (one per copy) or when it is retransmitted.
public struct ObservedMessage: Sendable {
    public var message: SIPMessage
    public var flow: Flow
    /// Capture time of the frame that completed the message.
    public var time: CaptureTime
    /// Every frame that carried part of the message (from 1, per file).
    public var frames: [Int]
    /// Which input file the frames belong to.
    public var fileIndex: Int

    public init(message: SIPMessage, flow: Flow, time: CaptureTime, frames: [Int], fileIndex: Int = 0) {
        self.message = message
        self.flow = flow
        self.time = time
        self.frames = frames
        self.fileIndex = fileIndex
    }

    /// The frame that completed the message: the one reports cite (Wireshark shows it there).
    public var frame: Int { frames.last ?? 0 }

    /// Sender, with the transport it used.
    public var source: TransportAddress { TransportAddress(flow.source, flow.transport) }
    /// Receiver, with the transport it used.
    public var destination: TransportAddress { TransportAddress(flow.destination, flow.transport) }
}
