/// The header of one WebSocket frame (RFC 6455 5.2), read from a byte stream.
struct WebSocketFrame: Equatable {
    enum Opcode: UInt8 {
        case continuation = 0x0, text = 0x1, binary = 0x2, close = 0x8, ping = 0x9, pong = 0xa
        /// Close, ping and pong (RFC 6455 5.5) carry no SIP and may sit between fragments.
        var isControl: Bool { rawValue >= 0x8 }
    }

    var isFinal: Bool
    var opcode: Opcode
    /// Masking key when the frame is masked (client to server, RFC 6455 5.3), first key byte
    /// in the high bits.
    var mask: UInt32?
    /// Bytes before the payload.
    var headerLength: Int
    var payloadLength: Int

    var length: Int { headerLength + payloadLength }

    enum Parse: Equatable {
        case frame(WebSocketFrame)
        /// The header is not complete yet.
        case needMore
        /// The header breaks RFC 6455; the reason says how.
        case malformed(String)
    }

    /// Reads a frame header at `bytes[start...]`. A payload longer than `maxPayload` is malformed
    /// here, because buffering it would break the memory bound.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, maxPayload: Int) -> Parse {
        let available = bytes.count - start
        guard available >= 2 else { return .needMore }
        let first = bytes[start], second = bytes[start + 1]
        // RSV bits are only set by a negotiated extension (e.g. permessage-deflate), which we cannot undo.
        guard first & 0x70 == 0 else { return .malformed("reserved bits set (compressed or extension frame)") }
        guard let opcode = Opcode(rawValue: first & 0x0f) else {
            return .malformed("reserved opcode 0x\(String(first & 0x0f, radix: 16))")
        }
        let masked = second & 0x80 != 0
        let shortLength = Int(second & 0x7f)
        let lengthBytes = shortLength == 126 ? 2 : shortLength == 127 ? 8 : 0
        let headerLength = 2 + lengthBytes + (masked ? 4 : 0)
        guard available >= headerLength else { return .needMore }
        var payloadLength = shortLength
        if lengthBytes > 0 {
            var value: UInt64 = 0
            for offset in 0..<lengthBytes { value = value << 8 | UInt64(bytes[start + 2 + offset]) }
            guard value >> 63 == 0 else { return .malformed("64-bit payload length with the top bit set") }
            guard value <= UInt64(maxPayload) else {
                return .malformed("payload length \(value) exceeds the limit of \(maxPayload) bytes")
            }
            payloadLength = Int(value)
        }
        if opcode.isControl {
            guard first & 0x80 != 0 else { return .malformed("fragmented control frame") }
            guard payloadLength <= 125 else { return .malformed("control frame longer than 125 bytes") }
        }
        guard payloadLength <= maxPayload else {
            return .malformed("payload length \(payloadLength) exceeds the limit of \(maxPayload) bytes")
        }
        var mask: UInt32?
        if masked {
            let key = start + 2 + lengthBytes
            mask = (0..<4).reduce(UInt32(0)) { $0 << 8 | UInt32(bytes[key + $1]) }
        }
        return .frame(WebSocketFrame(isFinal: first & 0x80 != 0, opcode: opcode, mask: mask,
                                     headerLength: headerLength, payloadLength: payloadLength))
    }

    /// Appends the frame's payload (at most `limit` bytes of it), unmasked, to `message`;
    /// `start` is where the frame begins.
    func appendPayload(of bytes: UnsafeBufferPointer<UInt8>, at start: Int, to message: inout [UInt8],
                       upTo limit: Int = .max) {
        let payloadStart = start + headerLength
        let payload = UnsafeBufferPointer(rebasing: bytes[payloadStart..<(payloadStart + min(payloadLength, limit))])
        guard let mask else {
            message.append(contentsOf: payload)
            return
        }
        let offset = message.count
        message.append(contentsOf: payload)
        message.withUnsafeMutableBufferPointer { out in
            // RFC 6455 5.3: byte i is XORed with key byte i mod 4.
            for index in 0..<payload.count {
                out[offset + index] ^= UInt8(truncatingIfNeeded: mask >> (24 - 8 * UInt32(index & 3)))
            }
        }
    }
}
