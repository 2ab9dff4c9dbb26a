/// What a live capture adds to the run's summary: the kernel's pcap counters and the frames the
/// analysis could not keep up with.
public struct LiveCaptureTotals: Sendable, Equatable {
    public var interface: String
    /// Frames read from the interface.
    public var frames: Int
    /// `pcap_stats`: packets that passed the filter, dropped for lack of buffer, dropped by the
    /// interface; nil when the counters could not be read.
    public var received: UInt64?
    public var dropped: UInt64?
    public var interfaceDropped: UInt64?
    /// Frames dropped because the analysis thread fell behind the capture thread.
    public var queueDropped: Int

    public init(interface: String, frames: Int, received: UInt64?, dropped: UInt64?, interfaceDropped: UInt64?, queueDropped: Int) {
        self.interface = interface
        self.frames = frames
        self.received = received
        self.dropped = dropped
        self.interfaceDropped = interfaceDropped
        self.queueDropped = queueDropped
    }
}

extension JSONLinesReport {
    /// The `summary` record with a `"capture"` object added (fields may be added to the contract).
    public func summaryLine(_ summary: AnalysisSummary, capture: LiveCaptureTotals) -> String {
        var line = summaryLine(summary)
        guard line.hasSuffix("}") else { return line }
        line.removeLast()
        var json = JSONWriter(capacity: 256)
        json.beginObject()
        json.field("interface", capture.interface)
        json.field("frames", capture.frames)
        json.field("received", capture.received.map { Int(clamping: $0) })
        json.field("dropped", capture.dropped.map { Int(clamping: $0) })
        json.field("interface_dropped", capture.interfaceDropped.map { Int(clamping: $0) })
        json.field("queue_dropped", capture.queueDropped)
        json.endObject()
        return line + ",\"capture\":" + json.text + "}"
    }
}

extension TextReport {
    /// One line after the summary block of a live run.
    public func captureLine(_ capture: LiveCaptureTotals) -> String {
        func count(_ value: UInt64?) -> String { value.map(String.init) ?? "?" }
        var line = "capture on \(capture.interface): \(capture.frames) frames read, \(count(capture.received)) received, "
        line += "\(count(capture.dropped)) dropped by the kernel, \(count(capture.interfaceDropped)) by the interface"
        line += capture.queueDropped > 0 ? ", " + style.severity(.warning, "\(capture.queueDropped) dropped by rraudit (analysis behind)") : ", 0 dropped by rraudit"
        return line + "\n"
    }
}
