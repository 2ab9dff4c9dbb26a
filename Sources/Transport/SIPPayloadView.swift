import Capture

/// A SIP payload lent by the decoder: the same facts as `SIPPayload`, but the message's bytes are
/// borrowed from the decoder's buffers (libpcap's packet buffer, a reassembled datagram, a TCP
/// stream's buffer) instead of being copied into an array of their own.
///
/// Valid only inside the closure it is handed to: the bytes are reused or freed as soon as that
/// closure returns. A consumer that keeps the message takes `payload()`, one copy; one that only
/// looks at it (counting, filtering) pays no allocation per message. Not `Sendable`, so it cannot
/// escape to another task. Only Transport makes them (with the memberwise initialiser).
public struct SIPPayloadView {
    /// The message: start line, headers and body as framed by Content-Length; borrowed.
    public let bytes: UnsafeRawBufferPointer
    public let flow: Flow
    /// Capture time of the frame that completed the message.
    public let time: CaptureTime
    /// Every frame that carried part of the message, in capture order (from 1, per file).
    public let frames: FrameNumbers
    /// Which input file the frames belong to when captures are merged.
    public let fileIndex: Int
    /// True when the payload came out of a HEP envelope (flow and time are the HEP ones).
    public let viaHEP: Bool

    /// The frame that completed the message (the last one that carried part of it).
    public var frame: Int { frames.last ?? 0 }

    /// An owned copy that may outlive the call that lent this view.
    public func payload() -> SIPPayload {
        SIPPayload(bytes: bytes.copiedArray(), flow: flow, time: time, frames: frames, fileIndex: fileIndex,
                   viaHEP: viaHEP)
    }
}
