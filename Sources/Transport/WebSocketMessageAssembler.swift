/// Joins WebSocket frames into messages (RFC 6455 5.4): data frames and their continuations,
/// with control frames (RFC 6455 5.5) allowed in between and ignored.
struct WebSocketMessageAssembler: Sendable {
    /// What reading at one position gave.
    enum Outcome {
        /// The frame is not complete yet.
        case needMore
        /// A frame of `length` bytes was consumed; `message` is set when it completed one, with
        /// the stream offset where the message's first frame began. `problem` reports a broken
        /// message the frame ended (its bytes are dropped).
        case frame(length: Int, message: (bytes: [UInt8], start: Int)?, problem: (String, offset: Int)?)
        /// The header is malformed: framing is lost from here.
        case malformed(String)
    }

    /// The fragments of the message in progress, and the stream offset of its first frame.
    private(set) var partial: (bytes: [UInt8], start: Int)?
    let maxMessageBytes: Int

    init(maxMessageBytes: Int) {
        self.maxMessageBytes = maxMessageBytes
    }

    mutating func reset() { partial = nil }

    /// Reads the frame at `storage[index...]`, which is stream offset `offset`.
    mutating func read(_ storage: UnsafeBufferPointer<UInt8>, at index: Int, offset: Int) -> Outcome {
        let frame: WebSocketFrame
        switch WebSocketFrame.parse(storage, at: index, maxPayload: maxMessageBytes) {
        case .needMore: return .needMore
        case .malformed(let reason):
            partial = nil
            return .malformed(reason)
        case .frame(let parsed): frame = parsed
        }
        guard storage.count - index >= frame.length else { return .needMore }
        switch frame.opcode {
        case .close, .ping, .pong:
            return .frame(length: frame.length, message: nil, problem: nil)
        case .text, .binary:
            let broken = partial.map { ("new message before the fragmented one ended", offset: $0.start) }
            var bytes: [UInt8] = []
            bytes.reserveCapacity(frame.payloadLength)
            frame.appendPayload(of: storage, at: index, to: &bytes)
            partial = frame.isFinal ? nil : (bytes, offset)
            return .frame(length: frame.length, message: frame.isFinal ? (bytes, offset) : nil, problem: broken)
        case .continuation:
            guard var message = partial else {
                return .frame(length: frame.length, message: nil,
                              problem: ("continuation frame without a message to continue", offset))
            }
            partial = nil
            guard message.bytes.count + frame.payloadLength <= maxMessageBytes else {
                return .frame(length: frame.length, message: nil,
                              problem: ("fragmented message longer than \(maxMessageBytes) bytes", message.start))
            }
            frame.appendPayload(of: storage, at: index, to: &message.bytes)
            if frame.isFinal { return .frame(length: frame.length, message: message, problem: nil) }
            partial = message
            return .frame(length: frame.length, message: nil, problem: nil)
        }
    }

    /// Whether a data frame whose payload starts like a SIP message begins at `index`; nil when
    /// more bytes are needed to tell. Used to find the framing again after a gap or bad frame.
    func startsSIPMessage(_ storage: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool? {
        let first = storage[index] & 0x7f
        guard first == 0x01 || first == 0x02 else { return false }
        switch WebSocketFrame.parse(storage, at: index, maxPayload: maxMessageBytes) {
        case .needMore: return nil
        case .malformed: return false
        case .frame(let frame):
            let peek = min(frame.payloadLength, 8)
            guard peek >= 4 else { return false }
            guard storage.count - index >= frame.headerLength + peek else { return nil }
            var prefix: [UInt8] = []
            frame.appendPayload(of: storage, at: index, to: &prefix, upTo: peek)
            return Self.looksLikeSIPStart(prefix)
        }
    }

    /// "SIP/2.0 " or a method name in capitals followed by a space (or filling the prefix).
    private static func looksLikeSIPStart(_ prefix: [UInt8]) -> Bool {
        if prefix.starts(with: Array("SIP/2.0 ".utf8).prefix(prefix.count)) { return true }
        guard let first = prefix.first, first >= 0x41, first <= 0x5a else { return false }
        for byte in prefix {
            if byte == 0x20 { return true }
            guard byte >= 0x41 && byte <= 0x5a else { return false }
        }
        return true
    }
}
