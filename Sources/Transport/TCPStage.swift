import Capture

/// The TCP part of the decoder: parses TCP headers into segments for stream reassembly.
///
/// Stream reassembly, SIP framing and WebSocket come from the `tcp` branch's `TCPReassembler`;
/// until it is merged this stage only counts segments.
struct TCPStage {
    var segments = 0
}

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
            // A TCP payload cut by the capture would corrupt the stream: the missing bytes become a gap.
            return report(.truncated, context, "TCP segment cut short by the capture")
        }
        tcp.segments += 1
    }

    mutating func tcpTick(time: CaptureTime, emit: (SIPPayload) -> Void) {}

    mutating func finishTCP(emit: (SIPPayload) -> Void) {}
}
