/// A packet borrowed from libpcap's buffer: no copy, valid only inside the closure it is passed to.
///
/// The fast path of `PcapFile.withNextPacket`; copy it into an owned `Frame` with `frame()` when
/// it must outlive the call.
public struct PacketView {
    /// Position in its capture file, counting from 1 (Wireshark's frame number).
    public var number: Int
    public var fileIndex: Int
    public var time: CaptureTime
    public var linkType: LinkType
    /// The captured bytes; only valid during the call that handed out this view.
    public var bytes: UnsafeRawBufferPointer
    /// The packet's length on the wire.
    public var originalLength: Int

    public init(number: Int, fileIndex: Int, time: CaptureTime, linkType: LinkType,
                bytes: UnsafeRawBufferPointer, originalLength: Int) {
        self.number = number
        self.fileIndex = fileIndex
        self.time = time
        self.linkType = linkType
        self.bytes = bytes
        self.originalLength = originalLength
    }

    /// True when the snapshot length cut the packet short.
    public var isTruncated: Bool { bytes.count < originalLength }

    /// An owned copy.
    public func frame() -> Frame {
        Frame(number: number, fileIndex: fileIndex, time: time, linkType: linkType,
              bytes: [UInt8](bytes), originalLength: originalLength)
    }
}

extension Frame {
    /// Lends this frame's bytes as a `PacketView` (no copy).
    public func withPacketView<R>(_ body: (PacketView) throws -> R) rethrows -> R {
        try bytes.withUnsafeBytes { raw in
            try body(PacketView(number: number, fileIndex: fileIndex, time: time, linkType: linkType,
                                bytes: raw, originalLength: originalLength))
        }
    }
}
