/// UDP: SIP recognised by content on any port, CRLF keep-alives, HEP and VXLAN.
extension TransportDecoder {
    mutating func decodeUDP(_ bytes: UnsafeRawBufferPointer, source: IPAddress, destination: IPAddress,
                            _ context: PacketContext, emit: (SIPPayloadView) -> Void) {
        guard bytes.count >= 8 else { return report(.truncated, context, "UDP header needs 8 bytes, \(bytes.count) captured") }
        let sourcePort = bytes.u16(0), destinationPort = bytes.u16(2)
        var length = Int(bytes.u16(4))
        if length == 0 { length = bytes.count }  // IPv6 jumbogram (RFC 2675) or offloaded length
        guard length >= 8 else { return report(.malformedPacket, context, "UDP length \(length) < 8") }
        guard length <= bytes.count else {
            return report(.truncated, context, "UDP length \(length) exceeds \(bytes.count) captured bytes")
        }
        if context.ipLengthExceedsCapture {
            report(.malformedPacket, context, "IP length exceeds the captured bytes, yet the UDP datagram is complete")
        }
        let payload = bytes.slice(8, length)
        guard !payload.isEmpty else { return }
        if HEPPacket.hasMagic(payload) {
            return decodeHEP(payload, context, emit: emit)
        }
        if SIPStartLine.isKeepAlive(payload) {
            counters.keepAlives += 1
            return
        }
        if SIPStartLine.matches(payload) {
            let flow = Flow(source: Endpoint(address: source, port: sourcePort),
                            destination: Endpoint(address: destination, port: destinationPort), transport: .udp)
            return emitSIP(payload, flow: flow, context, emit: emit)
        }
        if destinationPort == 4789 && payload.count >= 8 && payload[0] & 0x08 != 0 {
            // VXLAN (RFC 7348): 8-byte header with the I flag, then an Ethernet frame.
            guard let inner = tunnel(context) else { return }
            return decodeEthernet(payload.slice(8), inner, emit: emit)
        }
        if payload.count < 16 {
            // Short pings some UAs and phones send instead of CRLF ("jaK", "hello"): not SIP.
            counters.keepAlives += 1
            return
        }
        if sourcePort == 5060 || sourcePort == 5061 || destinationPort == 5060 || destinationPort == 5061,
           let first = payload.first, (0x41...0x5a).contains(first) || (0x61...0x7a).contains(first) {
            // Text on the SIP port that does not start like SIP: worth a word, not a message.
            report(.malformedSIP, context, "UDP payload on the SIP port does not begin with a SIP start line")
        }
    }
}
