/// A libpcap link-layer header type (the `DLT_`/`LINKTYPE_` number of a capture or interface).
public struct LinkType: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public var rawValue: Int32
    public init(rawValue: Int32) { self.rawValue = rawValue }

    public static let null = LinkType(rawValue: 0)            // BSD loopback
    public static let ethernet = LinkType(rawValue: 1)
    public static let raw = LinkType(rawValue: 101)           // LINKTYPE_RAW
    public static let rawOpenBSD = LinkType(rawValue: 14)     // DLT_RAW on OpenBSD
    public static let rawBSD = LinkType(rawValue: 12)         // DLT_RAW elsewhere
    public static let loop = LinkType(rawValue: 108)          // OpenBSD loopback
    public static let linuxSLL = LinkType(rawValue: 113)
    public static let linuxSLL2 = LinkType(rawValue: 276)
    public static let ipv4 = LinkType(rawValue: 228)
    public static let ipv6 = LinkType(rawValue: 229)

    public var description: String {
        switch self {
        case .null: "NULL"
        case .ethernet: "EN10MB"
        case .raw, .rawBSD, .rawOpenBSD: "RAW"
        case .loop: "LOOP"
        case .linuxSLL: "LINUX_SLL"
        case .linuxSLL2: "LINUX_SLL2"
        case .ipv4: "IPV4"
        case .ipv6: "IPV6"
        default: "DLT_\(rawValue)"
        }
    }
}
