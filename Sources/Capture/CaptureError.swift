/// Why a capture could not be opened or read. Each case carries enough to print one clear line.
public enum CaptureError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file does not exist or cannot be read (permissions, I/O error).
    case unreadable(path: String, reason: String)
    /// The file is readable but not a pcap / pcapng capture (or gzip of one).
    case notACapture(path: String, reason: String)
    /// The BPF filter expression does not compile for this capture's link type.
    case badFilter(filter: String, reason: String)
    /// A pcapng file whose interfaces have different link types. libpcap 1.10 reads only files
    /// whose interfaces all share the first interface's link type and stops at the first other one.
    case mixedLinkTypes(path: String, afterFrame: Int, reason: String)
    /// Reading stopped part-way (truncated or corrupt file); frames before `afterFrame` were read.
    case readFailed(path: String, afterFrame: Int, reason: String)
    /// A live interface could not be opened or configured.
    case interface(name: String, reason: String)

    public var description: String {
        switch self {
        case .unreadable(let path, let reason): "\(path): cannot read: \(reason)"
        case .notACapture(let path, let reason): "\(path): not a pcap or pcapng capture: \(reason)"
        case .badFilter(let filter, let reason): "bad capture filter '\(filter)': \(reason)"
        case .mixedLinkTypes(let path, let frame, let reason):
            "\(path): after frame \(frame): interfaces with different link types are not supported "
                + "by libpcap 1.10 (\(reason)); split the file per interface, e.g. with editcap"
        case .readFailed(let path, let frame, let reason): "\(path): read error after frame \(frame): \(reason)"
        case .interface(let name, let reason): "interface \(name): \(reason)"
        }
    }
}
