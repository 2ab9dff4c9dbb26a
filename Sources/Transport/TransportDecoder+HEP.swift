/// HEP envelopes on UDP: the SIP message inside, with the original flow and time.
extension TransportDecoder {
    mutating func decodeHEP(_ bytes: UnsafeRawBufferPointer, _ context: PacketContext, emit: (SIPPayloadView) -> Void) {
        let packet: HEPPacket
        do {
            packet = try HEPPacket.parse(bytes)
        } catch {
            switch error {
            case .malformed(let detail), .unsupported(let detail): return report(.malformedHEP, context, detail)
            }
        }
        let payload = bytes.slice(packet.payload.lowerBound, packet.payload.upperBound)
        if let type = packet.payloadType, type != 1 { return }  // RTCP, logs, QoS reports: not SIP
        if SIPStartLine.isKeepAlive(payload) {
            counters.keepAlives += 1
            return
        }
        guard SIPStartLine.matches(payload) else {
            return report(.malformedHEP, context, "HEP payload of type SIP does not begin with a SIP start line")
        }
        emitSIP(payload, flow: packet.flow, context, time: packet.time, viaHEP: true, emit: emit)
    }
}
