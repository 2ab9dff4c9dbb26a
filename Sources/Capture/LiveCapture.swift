import CPcap

/// Packets from a network interface as they arrive, through libpcap.
///
/// Reading blocks for at most `timeout`; `withNextPacket` then returns `.timeout` so a caller can
/// check for shutdown. Frames are numbered from 1 in arrival order.
public final class LiveCapture {
    /// What one read produced.
    public enum ReadResult<R> {
        case packet(R)
        case timeout
        /// The capture ended (interface gone, or `stop()` was called).
        case end
    }

    public struct Options: Sendable {
        public var snapshotLength: Int32
        public var promiscuous: Bool
        /// How long one read may wait for packets, in milliseconds.
        public var timeoutMilliseconds: Int32
        /// Deliver packets as they arrive rather than when the buffer fills.
        public var immediate: Bool
        public var bufferBytes: Int32?

        public init(snapshotLength: Int32 = 262_144, promiscuous: Bool = false,
                    timeoutMilliseconds: Int32 = 250, immediate: Bool = true, bufferBytes: Int32? = nil) {
            self.snapshotLength = snapshotLength
            self.promiscuous = promiscuous
            self.timeoutMilliseconds = timeoutMilliseconds
            self.immediate = immediate
            self.bufferBytes = bufferBytes
        }
    }

    public let interface: String
    public let linkType: LinkType
    public private(set) var framesRead = 0
    private let handle: PcapHandle

    /// Opens and activates `interface` (needs capture privileges) and installs `filter`.
    public init(interface: String, filter: String? = nil, options: Options = Options()) throws(CaptureError) {
        self.interface = interface
        var errorBuffer = [CChar](repeating: 0, count: Int(PCAP_ERRBUF_SIZE) + 1)
        guard let pointer = pcap_create(interface, &errorBuffer) else {
            throw .interface(name: interface, reason: LiveCapture.text(errorBuffer))
        }
        pcap_set_snaplen(pointer, options.snapshotLength)
        pcap_set_promisc(pointer, options.promiscuous ? 1 : 0)
        pcap_set_timeout(pointer, options.timeoutMilliseconds)
        pcap_set_immediate_mode(pointer, options.immediate ? 1 : 0)
        if let bytes = options.bufferBytes { pcap_set_buffer_size(pointer, bytes) }
        _ = pcap_set_tstamp_precision(pointer, Int32(PCAP_TSTAMP_PRECISION_NANO))
        // Owns the pointer from here on: closed on every exit.
        let handle = PcapHandle(pointer: pointer)
        let status = pcap_activate(pointer)
        if status < 0 {
            let detail = status == PCAP_ERROR_PERM_DENIED ? "permission denied (capture needs root or CAP_NET_RAW)"
                : handle.lastError.isEmpty ? String(cString: pcap_statustostr(status)) : handle.lastError
            throw .interface(name: interface, reason: detail)
        }
        self.handle = handle
        linkType = handle.linkType
        if let filter { try handle.install(filter: filter) }
    }

    /// Waits for the next packet (at most the timeout) and lends it to `body` without copying.
    public func withNextPacket<R>(_ body: (PacketView) -> R) throws(CaptureError) -> ReadResult<R> {
        var result: R?
        let number = framesRead + 1
        let (outcome, _) = handle.next { _, time, bytes, originalLength in
            result = body(PacketView(number: number, fileIndex: 0, time: time, linkType: linkType,
                                     bytes: bytes, originalLength: originalLength))
        }
        switch outcome {
        case .packet:
            framesRead = number
            guard let result else { return .timeout }
            return .packet(result)
        case .timeout: return .timeout
        case .end: return .end
        case .failed(let reason): throw .interface(name: interface, reason: reason)
        }
    }

    /// The next packet as an owned frame, `.timeout` or `.end`.
    public func next() throws(CaptureError) -> ReadResult<Frame> {
        try withNextPacket { $0.frame() }
    }

    /// Kernel counters: packets received and dropped so far.
    public func statistics() throws(CaptureError) -> CaptureStatistics {
        var stats = pcap_stat()
        guard pcap_stats(handle.pointer, &stats) == 0 else {
            throw .interface(name: interface, reason: handle.lastError)
        }
        return CaptureStatistics(received: UInt64(stats.ps_recv), dropped: UInt64(stats.ps_drop),
                                 interfaceDropped: UInt64(stats.ps_ifdrop))
    }

    /// Makes the current or next read return `.end` (`pcap_breakloop`; may be called from another thread).
    public func stop() { pcap_breakloop(handle.pointer) }

    private static func text(_ buffer: [CChar]) -> String {
        String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
