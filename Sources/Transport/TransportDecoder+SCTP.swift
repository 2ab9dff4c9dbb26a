/// One SCTP stream in one direction (RFC 9260): where a fragmented user message is rebuilt.
struct SCTPStreamKey: Hashable {
    var source: Endpoint
    var destination: Endpoint
    var stream: UInt16
    var fileIndex: Int
}

/// The parts of a user message received so far (DATA chunks B ... E).
struct SCTPPartialMessage {
    var bytes: [UInt8]
    var frames: [Int]
}

/// SCTP (RFC 9260): SIP rides in DATA (and I-DATA, RFC 8260) chunks, one message per user message
/// (RFC 4168); fragmented user messages are rebuilt per stream, bounded.
extension TransportDecoder {
    mutating func decodeSCTP(_ bytes: UnsafeRawBufferPointer, source: IPAddress, destination: IPAddress,
                             _ context: PacketContext, emit: (SIPPayloadView) -> Void) {
        guard bytes.count >= 12 else { return report(.truncated, context, "SCTP common header needs 12 bytes, \(bytes.count) captured") }
        let from = Endpoint(address: source, port: bytes.u16(0))
        let to = Endpoint(address: destination, port: bytes.u16(2))
        var offset = 12
        var chunks = 0
        while offset + 4 <= bytes.count {
            chunks += 1
            guard chunks <= 512 else { return report(.malformedSCTP, context, "more than 512 SCTP chunks") }
            let type = bytes[offset], flags = bytes[offset + 1], length = Int(bytes.u16(offset + 2))
            guard length >= 4 else { return report(.malformedSCTP, context, "SCTP chunk length \(length) < 4") }
            guard offset + length <= bytes.count else {
                return report(.truncated, context, "SCTP chunk of \(length) bytes exceeds the packet")
            }
            switch type {
            case 0:  // DATA: TSN, stream id, stream sequence, PPID, then user data
                guard length >= 16 else { return report(.malformedSCTP, context, "SCTP DATA chunk length \(length) < 16") }
                sctpData(bytes.slice(offset + 16, offset + length), flags: flags, stream: bytes.u16(offset + 8),
                         from: from, to: to, context, emit: emit)
            case 64:  // I-DATA: TSN, stream id, reserved, MID, PPID/FSN, then user data
                guard length >= 20 else { return report(.malformedSCTP, context, "SCTP I-DATA chunk length \(length) < 20") }
                sctpData(bytes.slice(offset + 20, offset + length), flags: flags, stream: bytes.u16(offset + 8),
                         from: from, to: to, context, emit: emit)
            default:
                break  // INIT, SACK, HEARTBEAT...: control
            }
            offset += (length + 3) & ~3
        }
    }

    private mutating func sctpData(_ data: UnsafeRawBufferPointer, flags: UInt8, stream: UInt16, from: Endpoint,
                                   to: Endpoint, _ context: PacketContext, emit: (SIPPayloadView) -> Void) {
        let flow = Flow(source: from, destination: to, transport: .sctp)
        let begins = flags & 0x02 != 0, ends = flags & 0x01 != 0
        if begins && ends { return sctpMessage(data, flow: flow, context, emit: emit) }
        let key = SCTPStreamKey(source: from, destination: to, stream: stream, fileIndex: context.fileIndex)
        if begins {
            if sctpPartial[key] != nil {
                report(.malformedSCTP, context, "SCTP stream \(stream): new user message before the last one ended")
            } else if sctpPartial.count >= limits.maxSCTPPartialStreams {
                return report(.bufferLimit, context, "\(sctpPartial.count) SCTP streams hold partial messages; chunk dropped")
            }
            sctpPartial[key] = SCTPPartialMessage(bytes: [UInt8](data), frames: [context.frame])
            return
        }
        guard var partial = sctpPartial.removeValue(forKey: key) else {
            return report(.malformedSCTP, context, "SCTP stream \(stream): DATA fragment without its first part")
        }
        guard partial.bytes.count + data.count <= limits.maxSCTPMessageBytes else {
            return report(.bufferLimit, context, "SCTP user message beyond \(limits.maxSCTPMessageBytes) bytes dropped")
        }
        partial.bytes.append(contentsOf: data)
        if partial.frames.last != context.frame { partial.frames.append(context.frame) }
        guard ends else {
            sctpPartial[key] = partial
            return
        }
        withUnsafePointer(to: FrameNumbers(partial.frames)) { frames in
            var whole = context
            whole.frames = frames
            partial.bytes.withUnsafeBytes { sctpMessage($0, flow: flow, whole, emit: emit) }
        }
    }

    private mutating func sctpMessage(_ data: UnsafeRawBufferPointer, flow: Flow, _ context: PacketContext,
                                      emit: (SIPPayloadView) -> Void) {
        if SIPStartLine.isKeepAlive(data) {
            counters.keepAlives += 1
        } else if SIPStartLine.matches(data) {
            emitSIP(data, flow: flow, context, emit: emit)
        }
    }
}
