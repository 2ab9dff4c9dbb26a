import Capture

/// The bytes of exactly one SIP message as they crossed the wire, with where and when.
///
/// Transport emits one per message, however many packets carried it (TCP segments, IP fragments,
/// WebSocket frames) and however many messages one packet carried.
public struct SIPPayload: Sendable {
    /// The message: start line, headers and body as framed by Content-Length.
    public var bytes: [UInt8]
    public var flow: Flow
    /// Capture time of the frame that completed the message.
    public var time: CaptureTime
    /// Every frame that carried part of the message, in capture order (from 1, per file).
    public var frames: FrameNumbers
    /// Which input file the frames belong to when captures are merged.
    public var fileIndex: Int
    /// True when the payload came out of a HEP envelope (flow and time are the HEP ones).
    public var viaHEP: Bool

    public init(bytes: [UInt8], flow: Flow, time: CaptureTime, frames: FrameNumbers, fileIndex: Int = 0,
                viaHEP: Bool = false) {
        self.bytes = bytes
        self.flow = flow
        self.time = time
        self.frames = frames
        self.fileIndex = fileIndex
        self.viaHEP = viaHEP
    }

    /// The frame that completed the message (the last one that carried part of it).
    public var frame: Int { frames.last ?? 0 }
}
