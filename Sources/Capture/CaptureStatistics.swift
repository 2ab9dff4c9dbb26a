/// What the kernel reports for a live capture (`pcap_stats`).
public struct CaptureStatistics: Equatable, Sendable {
    /// Packets that passed the filter and reached the capture buffer.
    public var received: UInt64
    /// Packets dropped because the buffer was full (the analysis missed them).
    public var dropped: UInt64
    /// Packets the interface or its driver dropped (not supported on every platform).
    public var interfaceDropped: UInt64

    public init(received: UInt64, dropped: UInt64, interfaceDropped: UInt64) {
        self.received = received
        self.dropped = dropped
        self.interfaceDropped = interfaceDropped
    }
}
