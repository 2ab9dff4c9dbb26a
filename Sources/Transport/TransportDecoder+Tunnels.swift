/// GRE (RFC 2784/2890, and the enhanced GRE of PPTP, RFC 2637) with what it carries: IP,
/// transparent Ethernet bridging, PPP and ERSPAN types I, II and III.
extension TransportDecoder {
    mutating func decodeGRE(_ bytes: UnsafeRawBufferPointer, _ context: PacketContext, emit: (SIPPayloadView) -> Void) {
        guard bytes.count >= 4 else { return report(.truncated, context, "GRE header needs 4 bytes, \(bytes.count) captured") }
        let flags = bytes.u16(0)
        let version = flags & 0x7
        let protocolType = bytes.u16(2)
        var offset = 4
        if flags & 0x4000 != 0 && version == 0 {
            return report(.malformedPacket, context, "GRE source routing (RFC 1701) is not decoded")
        }
        if flags & 0x8000 != 0 { offset += 4 }  // checksum + reserved
        if flags & 0x2000 != 0 { offset += 4 }  // key (PPTP: payload length + call id)
        if flags & 0x1000 != 0 { offset += 4 }  // sequence number
        if version == 1 && flags & 0x0080 != 0 { offset += 4 }  // PPTP acknowledgment
        guard version <= 1 else { return report(.malformedPacket, context, "GRE version \(version)") }
        guard bytes.count >= offset else { return report(.truncated, context, "GRE header of \(offset) bytes cut short") }
        let inner = bytes.slice(offset)
        switch protocolType {
        case 0x88be:
            // ERSPAN: type II carries an 8-byte header and sets the GRE sequence bit; type I has neither.
            if flags & 0x1000 != 0 {
                guard inner.count >= 8 else { return report(.truncated, context, "ERSPAN II header cut short") }
                decodeEthernet(inner.slice(8), context, emit: emit)
            } else {
                decodeEthernet(inner, context, emit: emit)
            }
        case 0x22eb:
            // ERSPAN III: 12 bytes; the O flag adds an 8-byte platform sub-header; FT 0 is Ethernet, 2 IP.
            guard inner.count >= 12 else { return report(.truncated, context, "ERSPAN III header cut short") }
            let frameType = inner[10] >> 2 & 0x1f
            let headerLength = inner[11] & 1 == 1 ? 20 : 12
            guard inner.count >= headerLength else { return report(.truncated, context, "ERSPAN III sub-header cut short") }
            if frameType == 2 {
                decodeIPByVersion(inner.slice(headerLength), context, emit: emit)
            } else {
                decodeEthernet(inner.slice(headerLength), context, emit: emit)
            }
        case 0x880b:
            decodePPP(inner, context, emit: emit)
        default:
            decodeEtherType(protocolType, inner, context, emit: emit)
        }
    }

    /// PPP in HDLC-like framing (RFC 1662), address/control and protocol field possibly compressed.
    mutating func decodePPP(_ bytes: UnsafeRawBufferPointer, _ context: PacketContext, emit: (SIPPayloadView) -> Void) {
        var offset = 0
        if bytes.count >= 2 && bytes[0] == 0xff && bytes[1] == 0x03 { offset = 2 }
        guard bytes.count > offset else { return report(.truncated, context, "PPP header cut short") }
        var protocolField: UInt16
        if bytes[offset] & 1 == 1 {
            protocolField = UInt16(bytes[offset])  // compressed to one byte (RFC 1661 6.5)
            offset += 1
        } else {
            guard bytes.count >= offset + 2 else { return report(.truncated, context, "PPP protocol cut short") }
            protocolField = bytes.u16(offset)
            offset += 2
        }
        switch protocolField {
        case 0x21: decodeIPByVersion(bytes.slice(offset), context, emit: emit, expected: 4)
        case 0x57: decodeIPByVersion(bytes.slice(offset), context, emit: emit, expected: 6)
        default: counters.nonIPFrames += 1
        }
    }
}
