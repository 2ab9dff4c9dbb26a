/// A libpcap link-layer header type (the `DLT_`/`LINKTYPE_` number of a capture or interface).
public struct LinkType: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public var rawValue: Int32
    @inlinable public init(rawValue: Int32) { self.rawValue = rawValue }

    // Inlinable computed constants rather than stored `static let`s: the decoder switches on the
    // link type of every packet, and a global constant costs an accessor call per comparison.
    @inlinable public static var null: LinkType { LinkType(rawValue: 0) } // BSD loopback
    @inlinable public static var ethernet: LinkType { LinkType(rawValue: 1) }
    @inlinable public static var raw: LinkType { LinkType(rawValue: 101) } // LINKTYPE_RAW
    @inlinable public static var rawOpenBSD: LinkType { LinkType(rawValue: 14) } // DLT_RAW on OpenBSD
    @inlinable public static var rawBSD: LinkType { LinkType(rawValue: 12) } // DLT_RAW elsewhere
    @inlinable public static var loop: LinkType { LinkType(rawValue: 108) } // OpenBSD loopback
    @inlinable public static var linuxSLL: LinkType { LinkType(rawValue: 113) }
    @inlinable public static var linuxSLL2: LinkType { LinkType(rawValue: 276) }
    @inlinable public static var ipv4: LinkType { LinkType(rawValue: 228) }
    @inlinable public static var ipv6: LinkType { LinkType(rawValue: 229) }

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
