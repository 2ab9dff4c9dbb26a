import Capture

/// Link layers: the header in front of the IP packet, by libpcap link type.
extension TransportDecoder {
    mutating func decodeLink(_ linkType: LinkType, _ bytes: UnsafeRawBufferPointer, _ context: PacketContext,
                             emit: (SIPPayloadView) -> Void) {
        switch linkType {
        case .ethernet:
            // The usual frame, untagged Ethernet II carrying IPv4, goes straight to IPv4 (what
            // decodeEthernet, decodeEtherType and decodeIPByVersion would do, minus three calls).
            if bytes.count > 14, bytes.u16(12) == 0x0800, bytes[14] >> 4 == 4 {
                return decodeIPv4(bytes.slice(14), context, emit: emit)
            }
            decodeEthernet(bytes, context, emit: emit)
        case .raw, .rawBSD, .rawOpenBSD, .ipv4, .ipv6:
            decodeIPByVersion(bytes, context, emit: emit)
        case .null, .loop:
            decodeLoopback(bytes, context, emit: emit)
        case .linuxSLL:
            // 16 bytes: packet type, ARPHRD type, address length, 8 address bytes, protocol.
            guard bytes.count >= 16 else { return report(.truncated, context, "Linux SLL header needs 16 bytes, \(bytes.count) captured") }
            guard bytes.u16(2) != 824 else { return counters.nonIPFrames += 1 }  // ARPHRD_NETLINK
            decodeEtherType(bytes.u16(14), bytes.slice(16), context, emit: emit)
        case .linuxSLL2:
            // 20 bytes: protocol first, then reserved, interface index, ARPHRD, packet type, address.
            guard bytes.count >= 20 else { return report(.truncated, context, "Linux SLL2 header needs 20 bytes, \(bytes.count) captured") }
            guard bytes.u16(8) != 824 else { return counters.nonIPFrames += 1 }
            decodeEtherType(bytes.u16(0), bytes.slice(20), context, emit: emit)
        default:
            report(.unsupportedLinkType, context, "link type \(linkType) (\(linkType.rawValue)) is not decoded")
        }
    }

    /// Ethernet II; an EtherType field below 1536 is an 802.3 length (LLC frame, never IP for us).
    mutating func decodeEthernet(_ bytes: UnsafeRawBufferPointer, _ context: PacketContext, emit: (SIPPayloadView) -> Void) {
        guard bytes.count >= 14 else { return report(.truncated, context, "Ethernet header needs 14 bytes, \(bytes.count) captured") }
        let type = bytes.u16(12)
        guard type >= 0x0600 else { return counters.nonIPFrames += 1 }
        decodeEtherType(type, bytes.slice(14), context, emit: emit)
    }

    /// Dispatches on an EtherType, unwrapping VLAN tags (802.1Q, QinQ 802.1ad and the older
    /// 0x9100/0x9200 tags) and MPLS label stacks.
    mutating func decodeEtherType(_ etherType: UInt16, _ bytes: UnsafeRawBufferPointer, _ context: PacketContext,
                                  emit: (SIPPayloadView) -> Void) {
        var type = etherType
        var offset = 0
        var tags = 0
        while type == 0x8100 || type == 0x88a8 || type == 0x9100 || type == 0x9200 {
            tags += 1
            guard tags <= 8 else { return report(.malformedPacket, context, "more than 8 VLAN tags") }
            guard bytes.count >= offset + 4 else { return report(.truncated, context, "VLAN tag cut short") }
            type = bytes.u16(offset + 2)
            offset += 4
        }
        switch type {
        case 0x0800, 0x86dd:
            decodeIPByVersion(bytes.slice(offset), context, emit: emit, expected: type == 0x0800 ? 4 : 6)
        case 0x8847, 0x8848:
            // MPLS (RFC 3032): 4-byte labels until bottom-of-stack, then IP (guessed by its version).
            var labels = 0
            while true {
                guard bytes.count >= offset + 4 else { return report(.truncated, context, "MPLS label stack cut short") }
                let bottom = bytes[offset + 2] & 1 == 1
                offset += 4
                labels += 1
                if bottom { break }
                guard labels < 16 else { return report(.malformedPacket, context, "MPLS label stack deeper than 16") }
            }
            decodeIPByVersion(bytes.slice(offset), context, emit: emit)
        case 0x6558:
            decodeEthernet(bytes.slice(offset), context, emit: emit)
        default:
            counters.nonIPFrames += 1
        }
    }

    /// BSD loopback (DLT_NULL, host byte order of the capturing machine, and DLT_LOOP, network
    /// order): a 4-byte address family. AF_INET is 2 everywhere; AF_INET6 is 10 (Linux), 24
    /// (NetBSD/OpenBSD), 28 (FreeBSD) or 30 (macOS).
    mutating func decodeLoopback(_ bytes: UnsafeRawBufferPointer, _ context: PacketContext, emit: (SIPPayloadView) -> Void) {
        guard bytes.count >= 4 else { return report(.truncated, context, "loopback header needs 4 bytes, \(bytes.count) captured") }
        let big = bytes.u32(0)
        let family = big > 0xffff ? bytes.u32LittleEndian(0) : big
        switch family {
        case 2: decodeIPByVersion(bytes.slice(4), context, emit: emit, expected: 4)
        case 10, 24, 28, 30: decodeIPByVersion(bytes.slice(4), context, emit: emit, expected: 6)
        default: counters.nonIPFrames += 1
        }
    }

    /// IP whose version is read from its first nibble (raw IP link types, MPLS, tunnels).
    mutating func decodeIPByVersion(_ bytes: UnsafeRawBufferPointer, _ context: PacketContext,
                                    emit: (SIPPayloadView) -> Void, expected: UInt8? = nil) {
        guard !bytes.isEmpty else { return report(.truncated, context, "no IP header captured") }
        let version = bytes[0] >> 4
        if let expected, expected != version {
            return report(.malformedPacket, context, "IP version \(version) where IPv\(expected) was announced")
        }
        switch version {
        case 4: decodeIPv4(bytes, context, emit: emit)
        case 6: decodeIPv6(bytes, context, emit: emit)
        default: report(.malformedPacket, context, "IP version \(version)")
        }
    }
}
