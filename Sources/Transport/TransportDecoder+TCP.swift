import Capture

/// TCP (RFC 9293): the header is parsed here into a `TCPSegment`; stream reassembly, SIP framing by
/// Content-Length and WebSocket are `TCPReassembler`'s.
extension TransportDecoder {
    mutating func decodeTCP(_ bytes: UnsafeRawBufferPointer, source: IPAddress, destination: IPAddress,
                            _ context: PacketContext, emit: (SIPPayloadView) -> Void) {
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
        // The segment's bytes go into a scratch buffer reused for every segment: the reassembler
        // copies only what it must keep (out-of-order data, the last two segments delivered), so a
        // segment costs no allocation.
        let payload = bytes.slice(headerLength)
        if tcpScratch.count < payload.count || tcpScratch.count > Self.maxScratchCapacity {
            // Grown (or given back after a jumbo segment) only here: otherwise overwritten in place.
            tcpScratch = [UInt8](repeating: 0, count: max(payload.count, 2048))
        }
        tcpScratch.withUnsafeMutableBytes { scratch in
            if let target = scratch.baseAddress, let source = payload.baseAddress {
                target.copyMemory(from: source, byteCount: payload.count)
            }
        }
        let segment = TCPSegment(
            flow: Flow(source: Endpoint(address: source, port: bytes.u16(0)),
                       destination: Endpoint(address: destination, port: bytes.u16(2)), transport: .tcp),
            sequence: bytes.u32(4), acknowledgment: bytes.u32(8), flags: TCPFlags(rawValue: bytes[13] & 0x1f),
            payload: tcpScratch[..<payload.count], frame: context.frame, fileIndex: context.fileIndex,
            time: context.time)
        // Counted in locals: the closures may not touch `self` while `tcp` is being mutated.
        var emitted = (0, 0, 0, 0, 0, 0)
        var found: [DecodeProblem] = []
        tcp.ingest(segment, lend: { payload in
            TransportDecoder.tally(payload.flow.transport, into: &emitted)
            emit(payload)
        }, problem: { found.append($0) })
        absorb(emitted, found)
    }

    /// A larger scratch buffer (after a jumbo segment) is given back rather than kept.
    static let maxScratchCapacity = 1 << 17

    mutating func finishTCP(emit: (SIPPayloadView) -> Void) {
        var emitted = (0, 0, 0, 0, 0, 0)
        var found: [DecodeProblem] = []
        tcp.finish(lend: { payload in
            TransportDecoder.tally(payload.flow.transport, into: &emitted)
            emit(payload)
        }, problem: { found.append($0) })
        absorb(emitted, found)
    }

    @inline(__always)
    static func tally(_ transport: TransportProtocol, into counts: inout (Int, Int, Int, Int, Int, Int)) {
        switch slot(of: transport) {
        case 0: counts.0 += 1
        case 1: counts.1 += 1
        case 2: counts.2 += 1
        case 3: counts.3 += 1
        case 4: counts.4 += 1
        default: counts.5 += 1
        }
    }

    @inline(__always)
    private mutating func absorb(_ emitted: (Int, Int, Int, Int, Int, Int), _ found: [DecodeProblem]) {
        transportCounts.0 += emitted.0
        transportCounts.1 += emitted.1
        transportCounts.2 += emitted.2
        transportCounts.3 += emitted.3
        transportCounts.4 += emitted.4
        transportCounts.5 += emitted.5
        for problem in found { report(problem.kind, frame: problem.frame, fileIndex: problem.fileIndex, detail: problem.detail) }
    }
}
