/// One captured packet: what libpcap handed over, numbered as Wireshark numbers it.
public struct Frame: Sendable {
    /// Position in its capture file, counting from 1 (Wireshark's frame number).
    public var number: Int
    /// Which input this frame came from when several captures are merged (0 for the first).
    public var fileIndex: Int
    public var time: CaptureTime
    public var linkType: LinkType
    /// The captured bytes (at most the snapshot length).
    public var bytes: [UInt8]
    /// The packet's length on the wire; larger than `bytes.count` when the snapshot cut it.
    public var originalLength: Int

    public init(number: Int, fileIndex: Int = 0, time: CaptureTime, linkType: LinkType,
                bytes: [UInt8], originalLength: Int? = nil) {
        self.number = number
        self.fileIndex = fileIndex
        self.time = time
        self.linkType = linkType
        self.bytes = bytes
        self.originalLength = originalLength ?? bytes.count
    }

    /// True when the snapshot length cut the packet short.
    public var isTruncated: Bool { bytes.count < originalLength }
}
