import Capture

/// Where the bytes being decoded came from: frame, file, time and, after reassembly, every frame
/// that carried part of them.
struct PacketContext {
    var frame: Int
    var fileIndex: Int
    var time: CaptureTime
    /// Frames of a reassembled datagram in arrival order, lent by the caller for the time of the
    /// call (a pointer keeps the context a plain value, copied without reference counting); nil
    /// means just `frame`.
    var frames: UnsafePointer<FrameNumbers>?
    /// Tunnel nesting so far; bounded so that crafted packets cannot recurse without end.
    var depth = 0
    /// The IP header claimed more bytes than were captured; the upper layer got what there was and
    /// decides (UDP has its own length; TCP cannot tell what is missing).
    var ipLengthExceedsCapture = false

    /// Every frame that carried the bytes; the common single frame costs no allocation.
    var allFrames: FrameNumbers { frames?.pointee ?? FrameNumbers(frame) }
}
