import Capture
@testable import Transport

/// Shared fixtures for the TCP and stream-framing tests: endpoints, SIP messages, and a harness
/// that feeds hand-built segments and collects what comes out.
enum StreamFixture {
    static let client = Endpoint(address: .v4(0x7f00_0201), port: 16001)  // 127.0.2.1
    static let server = Endpoint(address: .v4(0x7f00_0202), port: 16002)  // 127.0.2.2
    static let toServer = Flow(source: client, destination: server, transport: .tcp)
    static let toClient = toServer.reversed

    /// A SIP request with a correct Content-Length.
    static func request(_ method: String = "OPTIONS", cseq: Int = 1, body: String = "",
                        lengthHeader: String = "Content-Length") -> [UInt8] {
        let text = "\(method) sip:bob@127.0.2.2:16002;transport=tcp SIP/2.0\r\n"
            + "Via: SIP/2.0/TCP 127.0.2.1:16001;branch=z9hG4bK-\(cseq)\r\n"
            + "From: <sip:alice@127.0.2.1>;tag=a\(cseq)\r\nTo: <sip:bob@127.0.2.2>\r\n"
            + "Call-ID: call-\(cseq)@127.0.2.1\r\nCSeq: \(cseq) \(method)\r\n"
            + "\(lengthHeader): \(body.utf8.count)\r\n\r\n" + body
        return Array(text.utf8)
    }

    static func response(_ status: Int = 200, cseq: Int = 1, body: String = "") -> [UInt8] {
        let text = "SIP/2.0 \(status) OK\r\nVia: SIP/2.0/TCP 127.0.2.1:16001;branch=z9hG4bK-\(cseq)\r\n"
            + "CSeq: \(cseq) OPTIONS\r\nContent-Length: \(body.utf8.count)\r\n\r\n" + body
        return Array(text.utf8)
    }

    static func time(_ seconds: Double) -> CaptureTime { CaptureTime.zero.adding(seconds: 1_000_000 + seconds) }
}

/// Feeds segments to a `TCPReassembler` and records payloads and problems.
struct ReassemblyHarness {
    var reassembler: TCPReassembler
    var payloads: [SIPPayload] = []
    var problems: [DecodeProblem] = []
    private var frame = 0

    init(limits: TCPReassembler.Limits = .default) {
        reassembler = TCPReassembler(limits: limits)
    }

    /// Sends `bytes` at `sequence` as the next frame; returns its frame number.
    @discardableResult
    mutating func send(_ bytes: [UInt8], sequence: UInt32, flow: Flow = StreamFixture.toServer,
                       flags: TCPFlags = [.ack, .psh], acknowledgment: UInt32 = 0, at seconds: Double? = nil) -> Int {
        frame += 1
        let segment = TCPSegment(flow: flow, sequence: sequence, acknowledgment: acknowledgment, flags: flags,
                                 payload: bytes[...], frame: frame, time: StreamFixture.time(seconds ?? Double(frame)))
        reassembler.ingest(segment, emit: { payloads.append($0) }, problem: { problems.append($0) })
        return frame
    }

    mutating func finish() {
        reassembler.finish(emit: { payloads.append($0) }, problem: { problems.append($0) })
    }

    func count(_ kind: DecodeProblemKind) -> Int { problems.filter { $0.kind == kind }.count }
    var messages: [[UInt8]] { payloads.map(\.bytes) }
    /// The messages' start lines, for readable failures.
    var startLines: [String] { payloads.map { String(decoding: $0.bytes.prefix { $0 != 0x0d }, as: UTF8.self) } }
}

/// Feeds byte chunks to a `SIPStreamFramer` and records payloads and problems.
struct FramerHarness {
    var framer: SIPStreamFramer
    var payloads: [SIPPayload] = []
    var problems: [DecodeProblem] = []
    private(set) var frame = 0

    init(flow: Flow = StreamFixture.toServer, limits: SIPStreamFramer.Limits = .default) {
        framer = SIPStreamFramer(flow: flow, limits: limits)
    }

    mutating func append(_ bytes: [UInt8]) {
        frame += 1
        framer.append(bytes[...], frame: frame, time: StreamFixture.time(Double(frame)),
                      emit: { payloads.append($0) }, problem: { problems.append($0) })
    }

    mutating func append(_ text: String) { append(Array(text.utf8)) }

    mutating func finish() { framer.finish(problem: { problems.append($0) }) }

    func count(_ kind: DecodeProblemKind) -> Int { problems.filter { $0.kind == kind }.count }
    var messages: [[UInt8]] { payloads.map(\.bytes) }
}

/// Builds WebSocket frames (RFC 6455 5.2) for tests.
enum WebSocketFixture {
    static func frame(_ payload: [UInt8], opcode: UInt8 = 0x1, final: Bool = true, mask: [UInt8]? = nil,
                      firstByte: UInt8? = nil) -> [UInt8] {
        var bytes: [UInt8] = [firstByte ?? ((final ? 0x80 : 0) | opcode)]
        let maskBit: UInt8 = mask == nil ? 0 : 0x80
        if payload.count < 126 {
            bytes.append(maskBit | UInt8(payload.count))
        } else if payload.count <= 0xffff {
            bytes.append(maskBit | 126)
            bytes += [UInt8(payload.count >> 8), UInt8(payload.count & 0xff)]
        } else {
            bytes.append(maskBit | 127)
            bytes += (0..<8).reversed().map { UInt8((payload.count >> ($0 * 8)) & 0xff) }
        }
        guard let mask else { return bytes + payload }
        bytes += mask
        return bytes + payload.enumerated().map { $0.element ^ mask[$0.offset % 4] }
    }

    static let clientHandshake = Array(("GET /sip HTTP/1.1\r\nHost: 127.0.2.2:16002\r\nUpgrade: websocket\r\n"
        + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
        + "Sec-WebSocket-Protocol: sip\r\nSec-WebSocket-Version: 13\r\n\r\n").utf8)

    static let serverHandshake = Array(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
        + "Connection: Upgrade\r\nSec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n"
        + "Sec-WebSocket-Protocol: sip\r\n\r\n").utf8)
}
