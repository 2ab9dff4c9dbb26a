import Capture

/// TCP: the header is parsed here; stream reassembly, SIP framing by Content-Length and WebSocket
/// are `TCPReassembler`'s.
extension TransportDecoder {
    mutating func decodeTCP(_ bytes: UnsafeRawBufferPointer, source: IPAddress, destination: IPAddress,
                            _ context: PacketContext, emit: (SIPPayload) -> Void) {
        guard bytes.count >= 20 else { return report(.truncated, context, "TCP header needs 20 bytes, \(bytes.count) captured") }
        let headerLength = Int(bytes[12] >> 4) * 4
        guard headerLength >= 20 else { return report(.malformedPacket, context, "TCP header length \(headerLength) < 20") }
        guard headerLength <= bytes.count else {
            return report(.truncated, context, "TCP header length \(headerLength) exceeds \(bytes.count) bytes")
        }
        guard !context.ipLengthExceedsCapture else {
            // A TCP payload cut by the capture would corrupt the stream: let the missing bytes be a gap.
            return report(.truncated, context, "TCP segment cut short by the capture")
        }
        let payload = bytes.slice(headerLength)
        let segment = TCPSegment(
            flow: Flow(source: Endpoint(address: source, port: bytes.u16(0)),
                       destination: Endpoint(address: destination, port: bytes.u16(2)), transport: .tcp),
            sequence: bytes.u32(4), acknowledgment: bytes.u32(8), flags: TCPFlags(rawValue: bytes[13] & 0x1f),
            payload: payload.isEmpty ? [] : [UInt8](payload)[...], frame: context.frame, fileIndex: context.fileIndex,
            time: context.time)
        var emitted: [TransportProtocol: Int] = [:]
        var found: [DecodeProblem] = []
        tcp.ingest(segment, emit: { payload in
            emitted[payload.flow.transport, default: 0] += 1
            emit(payload)
        }, problem: { found.append($0) })
        absorb(emitted, found)
    }

    mutating func finishTCP(emit: (SIPPayload) -> Void) {
        var emitted: [TransportProtocol: Int] = [:]
        var found: [DecodeProblem] = []
        tcp.finish(emit: { payload in
            emitted[payload.flow.transport, default: 0] += 1
            emit(payload)
        }, problem: { found.append($0) })
        absorb(emitted, found)
    }

    private mutating func absorb(_ emitted: [TransportProtocol: Int], _ found: [DecodeProblem]) {
        for (transport, count) in emitted { statistics.sipPayloads[transport, default: 0] += count }
        for problem in found { report(problem.kind, frame: problem.frame, fileIndex: problem.fileIndex, detail: problem.detail) }
    }
}
