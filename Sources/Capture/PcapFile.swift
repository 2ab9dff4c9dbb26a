import CPcap
import CZlib
import Glibc

/// A capture file read as a stream: pcap or pcapng (either byte order, micro- or nanosecond
/// time stamps), optionally gzip-compressed, with an optional BPF filter.
///
/// Frames are numbered from 1 as Wireshark numbers them; with a filter, numbers still count every
/// packet of the file (the filter runs per packet here, not inside libpcap, so skipped packets are
/// counted).
public final class PcapFile {
    public let path: String
    /// Which input this is when several are merged (copied into every frame).
    public let fileIndex: Int
    /// The link type of the file (of its first interface for pcapng).
    public let linkType: LinkType
    public let snapshotLength: Int
    /// True when the file was gzip-compressed.
    public let isCompressed: Bool
    /// Frames read so far (the number of the last frame handed out; while `forEachPacket` runs,
    /// updated when it returns).
    public private(set) var framesRead = 0

    private let handle: PcapHandle
    /// The stdio buffer of an uncompressed file's stream: 64 KiB cuts the read(2) calls sixteenfold
    /// and still fits the caches the decoder works in (1 MiB and 256 KiB measured slower).
    private static let streamBufferBytes = 1 << 16
    private var finished = false

    /// Opens `path`. A gzip file (magic 1f 8b) is inflated while it is read, never all at once.
    public init(path: String, fileIndex: Int = 0, filter: String? = nil) throws(CaptureError) {
        self.path = path
        self.fileIndex = fileIndex
        guard let probe = fopen(path, "rb") else {
            throw .unreadable(path: path, reason: String(cString: strerror(errno)))
        }
        var magic: [UInt8] = [0, 0]
        let got = fread(&magic, 1, 2, probe)
        fclose(probe)
        isCompressed = got == 2 && magic == [0x1f, 0x8b]

        var errorBuffer = [CChar](repeating: 0, count: Int(PCAP_ERRBUF_SIZE) + 1)
        let precision = UInt32(PCAP_TSTAMP_PRECISION_NANO)
        let pointer: OpaquePointer?
        var streamBuffer: UnsafeMutableRawPointer?
        if isCompressed {
            guard let stream = rraudit_gzip_fopen(path) else {
                throw .unreadable(path: path, reason: "cannot open gzip stream")
            }
            // On success pcap_close() closes the stream; on failure we must.
            pointer = pcap_fopen_offline_with_tstamp_precision(stream, precision, &errorBuffer)
            if pointer == nil { fclose(stream) }
        } else {
            // What pcap_open_offline does, with a larger stdio buffer: libpcap reads each record
            // with fread, and the default buffer (one 4 KiB block) costs a read(2) per 4 KiB.
            guard let stream = fopen(path, "rb") else {
                throw .unreadable(path: path, reason: String(cString: strerror(errno)))
            }
            let buffer = UnsafeMutableRawPointer.allocate(byteCount: Self.streamBufferBytes, alignment: 16)
            setvbuf(stream, buffer.assumingMemoryBound(to: CChar.self), _IOFBF, Self.streamBufferBytes)
            pointer = pcap_fopen_offline_with_tstamp_precision(stream, precision, &errorBuffer)
            if pointer == nil {
                fclose(stream)
                buffer.deallocate()
            } else {
                streamBuffer = buffer
            }
        }
        guard let pointer else {
            let reason = String(decoding: errorBuffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            throw .notACapture(path: path, reason: reason.isEmpty ? "unknown format" : reason)
        }
        handle = PcapHandle(pointer: pointer, streamBuffer: streamBuffer)
        linkType = handle.linkType
        snapshotLength = handle.snapshotLength
        if let filter { try handle.installOffline(filter: filter) }
    }

    /// Lends the next packet to `body` without copying it; false at the end of the file.
    ///
    /// Not generic on purpose: this is the per-packet hot path, and an unspecialised generic across
    /// modules costs a runtime metadata lookup per call.
    @discardableResult
    public func nextPacket(_ body: (PacketView) -> Void) throws(CaptureError) -> Bool {
        guard !finished else { return false }
        var count = framesRead
        defer { framesRead = count }
        return try read(&count, body)
    }

    /// Lends every remaining packet to `body` in turn, like `nextPacket` until it returns false.
    /// The frame count lives in a local while the loop runs: a class property written per packet
    /// would cost a runtime exclusivity check each time.
    public func forEachPacket(_ body: (PacketView) -> Void) throws(CaptureError) {
        guard !finished else { return }
        var count = framesRead
        defer { framesRead = count }
        while try read(&count, body) {}
    }

    /// Reads one packet and lends it to `body`; `count` is the number of frames read so far.
    @inline(__always)
    private func read(_ count: inout Int, _ body: (PacketView) -> Void) throws(CaptureError) -> Bool {
        let before = count
        let (outcome, skipped) = handle.next { skipped, time, bytes, originalLength in
            body(PacketView(number: before + skipped + 1, fileIndex: fileIndex, time: time,
                            linkType: linkType, bytes: bytes, originalLength: originalLength))
        }
        count += skipped
        switch outcome {
        case .packet:
            count += 1
            return true
        case .end, .timeout:
            finished = true
            return false
        case .failed(let reason):
            finished = true
            if reason.contains("different from the type of the first interface") {
                throw .mixedLinkTypes(path: path, afterFrame: count, reason: reason)
            }
            throw .readFailed(path: path, afterFrame: count, reason: reason)
        }
    }

    /// Lends the next packet to `body` without copying it; nil at the end of the file.
    public func withNextPacket<R>(_ body: (PacketView) -> R) throws(CaptureError) -> R? {
        var result: R?
        guard try nextPacket({ result = body($0) }) else { return nil }
        return result
    }

    /// The next frame as an owned value; nil at the end of the file.
    public func next() throws(CaptureError) -> Frame? {
        try withNextPacket { $0.frame() }
    }
}
