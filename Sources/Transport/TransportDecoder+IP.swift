import Capture

/// IPv4 and IPv6, fragment reassembly, and dispatch to the protocol they carry.
extension TransportDecoder {
    /// IPv4 (RFC 791): header with options, total length, fragments.
    mutating func decodeIPv4(_ bytes: UnsafeRawBufferPointer, _ context: PacketContext, emit: (SIPPayloadView) -> Void) {
        guard bytes.count >= 20 else { return report(.truncated, context, "IPv4 header needs 20 bytes, \(bytes.count) captured") }
        let headerLength = Int(bytes[0] & 0x0f) * 4
        guard headerLength >= 20 else { return report(.malformedPacket, context, "IPv4 header length \(headerLength) < 20") }
        guard bytes.count >= headerLength else {
            return report(.truncated, context, "IPv4 header length \(headerLength) exceeds \(bytes.count) captured bytes")
        }
        var totalLength = Int(bytes.u16(2))
        // 0 is what TCP segmentation offload leaves in locally captured packets: take what was captured.
        if totalLength == 0 { totalLength = bytes.count }
        guard totalLength >= headerLength else {
            return report(.malformedPacket, context, "IPv4 total length \(totalLength) < header length \(headerLength)")
        }
        var context = context
        if totalLength > bytes.count {
            context.ipLengthExceedsCapture = true
            totalLength = bytes.count
        }
        let source = bytes.ipv4(12), destination = bytes.ipv4(16)
        let protocolNumber = bytes[9]
        let payload = bytes.slice(headerLength, totalLength)
        let fragmentField = bytes.u16(6)
        let more = fragmentField & 0x2000 != 0
        let offset = Int(fragmentField & 0x1fff) * 8
        if more || offset > 0 {
            guard !context.ipLengthExceedsCapture else {
                return report(.truncated, context, "IPv4 fragment cut short by the capture")
            }
            let key = FragmentReassembler.Key(source: source, destination: destination,
                                              identification: UInt32(bytes.u16(4)), protocolNumber: protocolNumber,
                                              fileIndex: context.fileIndex)
            reassemble(key: key, offset: offset, more: more, data: payload, upperProtocol: protocolNumber,
                       source: source, destination: destination, context, emit: emit)
            return
        }
        decodeIPPayload(protocolNumber, payload, source: source, destination: destination, context, emit: emit)
    }

    /// IPv6 (RFC 8200): fixed header, then the extension header chain up to the upper layer.
    mutating func decodeIPv6(_ bytes: UnsafeRawBufferPointer, _ context: PacketContext, emit: (SIPPayloadView) -> Void) {
        guard bytes.count >= 40 else { return report(.truncated, context, "IPv6 header needs 40 bytes, \(bytes.count) captured") }
        var payloadLength = Int(bytes.u16(4))
        // 0 means a jumbogram (RFC 2675) or offloaded length: take what was captured.
        if payloadLength == 0 { payloadLength = bytes.count - 40 }
        var context = context
        if 40 + payloadLength > bytes.count {
            context.ipLengthExceedsCapture = true
            payloadLength = bytes.count - 40
        }
        let source = bytes.ipv6(8), destination = bytes.ipv6(24)
        let packet = bytes.slice(0, 40 + payloadLength)
        var next = bytes[6]
        var offset = 40
        for _ in 0..<16 {
            switch next {
            case 0, 43, 60, 135, 139, 140:
                // Hop-by-hop, routing, destination options, mobility, HIP, shim6: (len + 1) * 8 bytes.
                guard packet.count >= offset + 2 else { return report(.truncated, context, "IPv6 extension header cut short") }
                let length = (Int(packet[offset + 1]) + 1) * 8
                guard packet.count >= offset + length else {
                    return report(.truncated, context, "IPv6 extension header of \(length) bytes cut short")
                }
                next = packet[offset]
                offset += length
            case 51:
                // Authentication header: (len + 2) * 4 bytes (RFC 4302 2.2).
                guard packet.count >= offset + 2 else { return report(.truncated, context, "IPv6 AH cut short") }
                let length = (Int(packet[offset + 1]) + 2) * 4
                guard packet.count >= offset + length else { return report(.truncated, context, "IPv6 AH cut short") }
                next = packet[offset]
                offset += length
            case 44:
                guard packet.count >= offset + 8 else { return report(.truncated, context, "IPv6 fragment header cut short") }
                let field = packet.u16(offset + 2)
                let key = FragmentReassembler.Key(source: source, destination: destination,
                                                  identification: packet.u32(offset + 4), protocolNumber: 0,
                                                  fileIndex: context.fileIndex)
                let fragmentOffset = Int(field & 0xfff8)
                let more = field & 1 != 0
                if !more && fragmentOffset == 0 {
                    // An atomic fragment (RFC 6946): not really fragmented.
                    next = packet[offset]
                    offset += 8
                    continue
                }
                guard !context.ipLengthExceedsCapture else {
                    return report(.truncated, context, "IPv6 fragment cut short by the capture")
                }
                reassemble(key: key, offset: fragmentOffset, more: more, data: packet.slice(offset + 8),
                           upperProtocol: packet[offset], source: source, destination: destination, context, emit: emit)
                return
            case 59:
                return  // no next header
            default:
                decodeIPPayload(next, packet.slice(offset), source: source, destination: destination, context, emit: emit)
                return
            }
        }
        report(.malformedPacket, context, "IPv6 extension header chain longer than 16")
    }

    /// Hands a fragment to the reassembler and decodes the datagram it completes.
    mutating func reassemble(key: FragmentReassembler.Key, offset: Int, more: Bool, data: UnsafeRawBufferPointer,
                             upperProtocol: UInt8, source: IPAddress, destination: IPAddress,
                             _ context: PacketContext, emit: (SIPPayloadView) -> Void) {
        var found: [(DecodeProblemKind, Int, Int, String)] = []
        let datagram = fragments.add(key: key, offset: offset, more: more, data: data, upperProtocol: upperProtocol,
                                     frame: context.frame, time: context.time) { found.append(($0, $1, $2, $3)) }
        for (kind, frame, file, detail) in found { report(kind, frame: frame, fileIndex: file, detail: detail) }
        guard var datagram else { return }
        defer { fragments.recycle(&datagram.bytes) }
        withUnsafePointer(to: datagram.frames) { frames in
            var whole = context
            whole.frames = frames
            datagram.bytes.withUnsafeBytes { buffer in
                if key.protocolNumber == 0 && key.source.isIPv6 {
                    decodeIPv6Upper(datagram.upperProtocol, buffer, source: source, destination: destination, whole,
                                    emit: emit)
                } else {
                    decodeIPPayload(datagram.upperProtocol, buffer, source: source, destination: destination, whole,
                                    emit: emit)
                }
            }
        }
    }

    /// The reassembled fragmentable part of an IPv6 datagram may begin with more extension headers.
    private mutating func decodeIPv6Upper(_ first: UInt8, _ bytes: UnsafeRawBufferPointer, source: IPAddress,
                                          destination: IPAddress, _ context: PacketContext, emit: (SIPPayloadView) -> Void) {
        var next = first
        var offset = 0
        for _ in 0..<16 {
            switch next {
            case 0, 43, 60:
                guard bytes.count >= offset + 2 else { return report(.truncated, context, "IPv6 extension header cut short") }
                let length = (Int(bytes[offset + 1]) + 1) * 8
                guard bytes.count >= offset + length else { return report(.truncated, context, "IPv6 extension header cut short") }
                next = bytes[offset]
                offset += length
            case 59: return
            default:
                return decodeIPPayload(next, bytes.slice(offset), source: source, destination: destination, context, emit: emit)
            }
        }
        report(.malformedPacket, context, "IPv6 extension header chain longer than 16")
    }

    /// The upper layer of an IP packet: UDP, TCP, SCTP, or a tunnel back into IP.
    mutating func decodeIPPayload(_ protocolNumber: UInt8, _ bytes: UnsafeRawBufferPointer, source: IPAddress,
                                  destination: IPAddress, _ context: PacketContext, emit: (SIPPayloadView) -> Void) {
        switch protocolNumber {
        case 17: decodeUDP(bytes, source: source, destination: destination, context, emit: emit)
        case 6: decodeTCP(bytes, source: source, destination: destination, context, emit: emit)
        case 132: decodeSCTP(bytes, source: source, destination: destination, context, emit: emit)
        case 4, 41, 47:
            guard let inner = tunnel(context) else { return }
            switch protocolNumber {
            case 4: decodeIPByVersion(bytes, inner, emit: emit, expected: 4)
            case 41: decodeIPByVersion(bytes, inner, emit: emit, expected: 6)
            default: decodeGRE(bytes, inner, emit: emit)
            }
        default:
            break  // ICMP, ESP, OSPF...: nothing SIP can be read from
        }
    }

    /// The context one tunnel level deeper, or nil (and a problem) beyond the limit.
    mutating func tunnel(_ context: PacketContext) -> PacketContext? {
        guard context.depth < limits.maxTunnelDepth else {
            report(.malformedPacket, context, "more than \(limits.maxTunnelDepth) nested tunnels")
            return nil
        }
        var inner = context
        inner.depth += 1
        return inner
    }
}
