import CPcap

/// Owns one libpcap handle (`pcap_t`), closes it once, and reads packets from it.
///
/// Shared by `PcapFile` and `LiveCapture`; the only type that talks to libpcap's read loop.
final class PcapHandle {
    let pointer: OpaquePointer
    /// Nanoseconds per unit of `ts.tv_usec`: 1 when libpcap delivers nanoseconds, 1000 for microseconds.
    let subsecondScale: Int32

    /// The stdio buffer libpcap reads a file through, when this handle supplied it (see
    /// `PcapFile`); freed after `pcap_close` has closed the stream that uses it.
    private let streamBuffer: UnsafeMutableRawPointer?

    init(pointer: OpaquePointer, streamBuffer: UnsafeMutableRawPointer? = nil) {
        self.pointer = pointer
        self.streamBuffer = streamBuffer
        subsecondScale = pcap_get_tstamp_precision(pointer) == Int32(PCAP_TSTAMP_PRECISION_NANO) ? 1 : 1000
    }

    /// A filter applied per packet by `next` (files: so frame numbers still count every packet).
    private var offlineFilter: UnsafeMutablePointer<bpf_program>?

    deinit {
        if let program = offlineFilter {
            pcap_freecode(program)
            program.deallocate()
        }
        pcap_close(pointer)
        streamBuffer?.deallocate()
    }

    var linkType: LinkType { LinkType(rawValue: pcap_datalink(pointer)) }
    var snapshotLength: Int { Int(pcap_snapshot(pointer)) }
    var lastError: String { String(cString: pcap_geterr(pointer)) }

    /// Compiles `filter` for this handle's link type and installs it.
    func install(filter: String) throws(CaptureError) {
        var program = bpf_program()
        guard pcap_compile(pointer, &program, filter, 1, PCAP_NETMASK_UNKNOWN) == 0 else {
            throw .badFilter(filter: filter, reason: lastError)
        }
        defer { pcap_freecode(&program) }
        guard pcap_setfilter(pointer, &program) == 0 else {
            throw .badFilter(filter: filter, reason: lastError)
        }
    }

    /// Compiles `filter` and applies it in `next`, which then counts the packets it skips.
    func installOffline(filter: String) throws(CaptureError) {
        let program = UnsafeMutablePointer<bpf_program>.allocate(capacity: 1)
        program.initialize(to: bpf_program())
        guard pcap_compile(pointer, program, filter, 1, PCAP_NETMASK_UNKNOWN) == 0 else {
            program.deallocate()
            throw .badFilter(filter: filter, reason: lastError)
        }
        offlineFilter = program
    }

    enum Outcome {
        case packet
        case timeout
        case end
        case failed(String)
    }

    /// Reads the next packet and lends it to `body` (libpcap's buffer, no copy) with the number of
    /// packets an offline filter rejected before it; returns that number too.
    @inline(__always)
    func next(_ body: (_ skipped: Int, _ time: CaptureTime, _ bytes: UnsafeRawBufferPointer,
                       _ originalLength: Int) -> Void) -> (Outcome, skipped: Int) {
        var header: UnsafeMutablePointer<pcap_pkthdr>?
        var data: UnsafePointer<UInt8>?
        var skipped = 0
        while true {
            let status = pcap_next_ex(pointer, &header, &data)
            if status == 1, let filter = offlineFilter, let header, let data,
               pcap_offline_filter(filter, header, data) == 0 {
                skipped += 1
                continue
            }
            let outcome = deliver(status: status, header: header, data: data) { time, bytes, length in
                body(skipped, time, bytes, length)
            }
            return (outcome, skipped)
        }
    }

    @inline(__always)
    private func deliver(status: Int32, header: UnsafeMutablePointer<pcap_pkthdr>?, data: UnsafePointer<UInt8>?,
                         _ body: (_ time: CaptureTime, _ bytes: UnsafeRawBufferPointer, _ originalLength: Int) -> Void) -> Outcome {
        switch status {
        case 1:
            guard let header, let data else { return .failed("libpcap returned no packet") }
            let stamp = header.pointee.ts
            let time = CaptureTime(seconds: PcapHandle.unsignedSeconds(Int64(stamp.tv_sec)),
                                   nanoseconds: Int32(truncatingIfNeeded: stamp.tv_usec) &* subsecondScale)
            body(time, UnsafeRawBufferPointer(start: data, count: Int(header.pointee.caplen)),
                 Int(header.pointee.len))
            return .packet
        case 0: return .timeout
        case PCAP_ERROR_BREAK: return .end  // -2: end of file, or pcap_breakloop
        default: return .failed(lastError)
        }
    }
}

extension PcapHandle {
    /// A pcap record stores its seconds as an unsigned 32-bit field, but libpcap hands them over
    /// sign-extended, so a stamp after 2038-01-19 comes out negative (tshark reads it unsigned).
    /// No capture predates 1970, so a negative value in 32-bit range is taken as unsigned.
    static func unsignedSeconds(_ seconds: Int64) -> Int64 {
        seconds < 0 && seconds >= Int64(Int32.min) ? seconds + (1 << 32) : seconds
    }
}
