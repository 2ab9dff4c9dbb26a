import Capture

/// Cuts one direction of a reliable byte stream (TCP) into SIP messages.
///
/// Messages are framed by Content-Length (RFC 3261 18.3; compact `l`, any case, folded values);
/// a message without one has an empty body. CR/LF keep-alives between messages are skipped
/// (RFC 5626 3.5.1). Bytes that are not SIP are skipped up to the next line that is a SIP start
/// line, and counted as `malformed_sip` once the stream has shown SIP. After an HTTP
/// `Upgrade: websocket` handshake the stream carries RFC 6455 frames and every text or binary
/// WebSocket message is one SIP message (RFC 7118), reported with transport `.ws`.
///
/// Bytes are appended as the stream delivers them; each emitted `SIPPayload` holds exactly one
/// message, every frame that carried part of it, and the time of the latest of those frames.
/// When the stream is at a message boundary the appended bytes are framed in place; only an
/// unfinished message is kept, so memory is bounded by the limits, not by the stream.
public struct SIPStreamFramer: Sendable {
    /// Where the stream's bytes go; `transport` becomes `.ws` after a WebSocket upgrade.
    public private(set) var flow: Flow
    /// The bounds this framer keeps to.
    public let limits: Limits
    /// True once the stream showed a SIP start line, a SIP message over WebSocket, or a WebSocket
    /// handshake naming `sip`; from then on, bytes that are not SIP count as `malformed_sip`.
    public private(set) var carriesSIP = false
    /// Messages emitted so far.
    private(set) var emittedMessages = 0
    /// True when the stream was given up as not SIP (see `Limits.maxUnconfirmedBytes`).
    public var isIgnoring: Bool { if case .ignoring = state { true } else { false } }
    /// True after a WebSocket upgrade.
    public var isWebSocket: Bool { flow.transport == .ws }
    /// Bytes held for an unfinished message or line.
    public var bufferedBytes: Int { buffer.count + (webSocket.partial?.bytes.count ?? 0) }

    /// What the framer expects at `position`.
    private enum State {
        /// A start line, possibly after CR/LF keep-alives.
        case messageStart
        /// A header section that began at `start`; `scan` goes on where the last bytes ended.
        case header(start: Int, scan: SIPHeaderScan, isHTTP: Bool)
        case body(start: Int, end: Int)
        /// Skipping bytes since `skipFrom` to the next SIP start line; `counted` when the reason
        /// for skipping was already reported.
        case resync(skipFrom: Int, atLineStart: Bool, counted: Bool)
        /// At a WebSocket frame header.
        case webSocket
        /// Looking for a WebSocket frame that starts a SIP message.
        case webSocketResync(skipFrom: Int, counted: Bool)
        case ignoring
    }

    // All offsets count bytes from the start of the stream.
    private var buffer: [UInt8] = []
    /// Stream offset of `buffer[0]`.
    private var bufferStart = 0
    /// Stream offset just past the last byte appended.
    private var streamEnd = 0
    private var position = 0
    private var state = State.messageStart
    private var frames = StreamFrameMap()
    private var webSocket: WebSocketMessageAssembler
    /// Frame where the current skip began (reported with the skip).
    private var skipFrame: Int?
    private var fileIndex = 0

    /// Longest line looked at when searching for a start line while resynchronising.
    private static let maxStartLine = 8192

    /// A framer for the bytes `flow` carries, starting at the beginning of a message or anywhere
    /// in the stream (it resynchronises at the first start line).
    public init(flow: Flow, limits: Limits = .default) {
        self.flow = flow
        self.limits = limits
        webSocket = WebSocketMessageAssembler(maxMessageBytes: limits.maxWebSocketMessageBytes)
    }

    /// Appends the next bytes of the stream, carried by `frame`, and emits every message they
    /// complete (an owned copy of each).
    public mutating func append(_ bytes: ArraySlice<UInt8>, frame: Int, fileIndex: Int = 0, time: CaptureTime,
                                emit: (SIPPayload) -> Void, problem: (DecodeProblem) -> Void) {
        append(bytes, frame: frame, fileIndex: fileIndex, time: time, lend: { emit($0.payload()) }, problem: problem)
    }

    /// Appends the next bytes of the stream, carried by `frame`, and lends every message they
    /// complete (valid during the call).
    public mutating func append(_ bytes: ArraySlice<UInt8>, frame: Int, fileIndex: Int = 0, time: CaptureTime,
                                lend emit: (SIPPayloadView) -> Void, problem: (DecodeProblem) -> Void) {
        guard !bytes.isEmpty else { return }
        let chunkStart = streamEnd
        streamEnd += bytes.count
        if case .ignoring = state {
            position = streamEnd
            return
        }
        self.fileIndex = fileIndex
        frames.record(offset: chunkStart, frame: frame, time: time)
        if skipFrame == nil { skipFrame = frame }
        if buffer.isEmpty {
            // Fast path: nothing is pending, so frame the caller's bytes where they are.
            bytes.withUnsafeBufferPointer { run($0, base: chunkStart, emit: emit, problem: problem) }
            let keep = retainFrom
            bufferStart = keep
            if keep < streamEnd { buffer.append(contentsOf: bytes[(bytes.startIndex + keep - chunkStart)...]) }
        } else {
            buffer.append(contentsOf: bytes)
            var storage: [UInt8] = []
            swap(&storage, &buffer)
            let base = bufferStart
            storage.withUnsafeBufferPointer { run($0, base: base, emit: emit, problem: problem) }
            swap(&storage, &buffer)
            discardBuffer(before: retainFrom)
        }
        frames.discard(before: min(retainFrom, webSocket.partial?.start ?? retainFrom), streamEnd: streamEnd)
    }

    /// Bytes were lost before the next `append` (a TCP gap): drops the unfinished message and
    /// resynchronises at the next SIP start line (or WebSocket frame starting a SIP message).
    public mutating func skipGap() {
        buffer.removeAll(keepingCapacity: buffer.capacity <= 65_536)
        bufferStart = streamEnd
        frames.removeAll()
        webSocket.reset()
        position = streamEnd
        skipFrame = nil
        switch state {
        case .ignoring: break
        case .webSocket, .webSocketResync: state = .webSocketResync(skipFrom: streamEnd, counted: false)
        default: state = .resync(skipFrom: streamEnd, atLineStart: true, counted: false)
        }
    }

    /// The stream ended: reports an unfinished message as `truncated` and unreported skipped bytes
    /// as `malformed_sip`, then releases all buffers.
    public mutating func finish(problem: (DecodeProblem) -> Void) {
        switch state {
        case .header(let start, _, let isHTTP) where !isHTTP || carriesSIP:
            report(.truncated, at: start, "stream ended inside a header section (\(streamEnd - start) bytes)", problem)
        case .body(let start, let end):
            report(.truncated, at: start,
                   "stream ended after \(streamEnd - start) of \(end - start) bytes of a SIP message", problem)
        case .messageStart where carriesSIP && position < streamEnd:
            report(.truncated, at: position, "stream ended inside a start line", problem)
        case .resync(let skipFrom, _, let counted):
            if carriesSIP, !counted, streamEnd > skipFrom {
                problem(DecodeProblem(kind: .malformedSIP, frame: skipFrame ?? 0, fileIndex: fileIndex,
                                      detail: "skipped \(streamEnd - skipFrom) bytes that are not SIP up to the end of the stream"))
            }
        case .webSocket where webSocket.partial != nil || position < streamEnd:
            report(.truncated, at: webSocket.partial?.start ?? position, "stream ended inside a WebSocket message", problem)
        default: break
        }
        buffer = []
        bufferStart = streamEnd
        frames.removeAll()
        webSocket.reset()
        position = streamEnd
        if case .ignoring = state {} else { state = isWebSocket ? .webSocket : .messageStart }
    }

    // MARK: - Framing

    /// The first stream offset still needed.
    private var retainFrom: Int {
        switch state {
        case .header(let start, _, _), .body(let start, _): start
        case .ignoring: streamEnd
        default: position
        }
    }

    /// Frames as much as `storage` allows; `storage` holds the stream bytes `base..<streamEnd`.
    private mutating func run(_ storage: UnsafeBufferPointer<UInt8>, base: Int,
                              emit: (SIPPayloadView) -> Void, problem: (DecodeProblem) -> Void) {
        // Each pass consumes bytes or changes state toward consuming them; `return` waits for more.
        while true {
            switch state {
            case .messageStart:
                guard startMessage(storage, base: base) else { return }
            case .header(let start, let scan, let isHTTP):
                guard finishHeader(storage, base: base, start: start, scan: scan, isHTTP: isHTTP,
                                   problem: problem) else { return }
            case .body(let start, let end):
                guard streamEnd >= end else { return }
                emitMessage(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: storage[(start - base)..<(end - base)])),
                            range: start..<end, emit: emit)
                position = end
                state = .messageStart
            case .resync(let skipFrom, let atLineStart, let counted):
                guard resync(storage, base: base, skipFrom: skipFrom, atLineStart: atLineStart, counted: counted,
                             problem: problem) else { return }
            case .webSocket:
                guard readWebSocketFrame(storage, base: base, emit: emit, problem: problem) else { return }
            case .webSocketResync(let skipFrom, let counted):
                guard resyncWebSocket(storage, base: base, skipFrom: skipFrom, counted: counted,
                                      problem: problem) else { return }
            case .ignoring:
                position = streamEnd
                return
            }
        }
    }

    /// At a message boundary: skips keep-alives and classifies the start line. False: need more bytes.
    private mutating func startMessage(_ storage: UnsafeBufferPointer<UInt8>, base: Int) -> Bool {
        var cursor = position - base
        while cursor < storage.count, storage[cursor] == 0x0d || storage[cursor] == 0x0a { cursor += 1 }
        position = base + cursor
        guard cursor < storage.count else { return false }
        if !carriesSIP, !StreamStartLine.canBegin(storage[cursor]) {
            // Binary from the first byte (TLS, or WebSocket frames): no need to wait for a whole line.
            beginResync(atLineStart: true, counted: false)
            return true
        }
        let searchEnd = min(storage.count, cursor + limits.maxHeaderBytes)
        guard let lf = SIPHeaderSection.index(of: 0x0a, in: storage, from: cursor, to: searchEnd) else {
            guard searchEnd - cursor >= limits.maxHeaderBytes else { return false }
            beginResync(atLineStart: false, counted: false)
            return true
        }
        let line = cursor..<(lf > cursor && storage[lf - 1] == 0x0d ? lf - 1 : lf)
        switch StreamStartLine.kind(storage, line) {
        case .sip?:
            carriesSIP = true
            state = .header(start: position, scan: SIPHeaderScan(firstLine: base + lf + 1), isHTTP: false)
        case .http?: state = .header(start: position, scan: SIPHeaderScan(firstLine: base + lf + 1), isHTTP: true)
        case nil: beginResync(atLineStart: true, counted: false)
        }
        return true
    }

    /// Completes a header section when its empty line has arrived. False: need more bytes.
    private mutating func finishHeader(_ storage: UnsafeBufferPointer<UInt8>, base: Int, start: Int,
                                       scan: SIPHeaderScan, isHTTP: Bool, problem: (DecodeProblem) -> Void) -> Bool {
        let headerEnd: Int
        var scan = scan
        if let end = scan.scan(storage, base: base, maxValue: limits.maxBodyBytes) {
            headerEnd = end
        } else {
            guard streamEnd - start > limits.maxHeaderBytes else {
                state = .header(start: start, scan: scan, isHTTP: isHTTP)
                return false
            }
            headerEnd = streamEnd
        }
        if headerEnd - start > limits.maxHeaderBytes {
            report(.malformedSIP, at: start, "header section longer than \(limits.maxHeaderBytes) bytes", problem)
            position = start
            beginResync(atLineStart: false, counted: true)
            return true
        }
        let section = UnsafeBufferPointer(rebasing: storage[(start - base)..<(headerEnd - base)])
        position = headerEnd
        if isHTTP {
            if let upgrade = SIPHeaderSection.webSocketUpgrade(section) {
                // RFC 6455 4: after the handshake's empty line the bytes are frames.
                flow.transport = .ws
                carriesSIP = carriesSIP || upgrade.namesSIP
                state = .webSocket
            } else {
                state = .resync(skipFrom: start, atLineStart: true, counted: false)
                skipFrame = frame(at: start)
            }
            return true
        }
        let bodyLength: Int
        switch scan.contentLength(of: section, maxValue: limits.maxBodyBytes) {
        case .absent:
            bodyLength = 0
        case .value(let length) where length <= limits.maxBodyBytes:
            bodyLength = length
        case .value(let length):
            report(.malformedSIP, at: start, "Content-Length \(length) exceeds the limit of \(limits.maxBodyBytes)",
                   problem)
            beginResync(atLineStart: true, counted: true)
            return true
        case .invalid(let reason):
            report(.malformedSIP, at: start, reason, problem)
            beginResync(atLineStart: true, counted: true)
            return true
        }
        state = .body(start: start, end: headerEnd + bodyLength)
        return true
    }

    private mutating func beginResync(atLineStart: Bool, counted: Bool) {
        skipFrame = frame(at: position)
        state = .resync(skipFrom: position, atLineStart: atLineStart, counted: counted)
    }

    /// Skips to the next line that starts a SIP (or HTTP) message. False: need more bytes.
    private mutating func resync(_ storage: UnsafeBufferPointer<UInt8>, base: Int, skipFrom: Int, atLineStart: Bool,
                                 counted: Bool, problem: (DecodeProblem) -> Void) -> Bool {
        if !carriesSIP, position > limits.maxUnconfirmedBytes {
            state = .ignoring
            return true
        }
        var cursor = position - base
        guard atLineStart else {
            guard let lf = SIPHeaderSection.index(of: 0x0a, in: storage, from: cursor, to: storage.count) else {
                position = streamEnd
                if !carriesSIP, position > limits.maxUnconfirmedBytes { state = .ignoring }
                return false
            }
            position = base + lf + 1
            state = .resync(skipFrom: skipFrom, atLineStart: true, counted: counted)
            return true
        }
        while cursor < storage.count, storage[cursor] == 0x0d || storage[cursor] == 0x0a { cursor += 1 }
        position = base + cursor
        guard cursor < storage.count else { return false }
        // A capture that joined a WebSocket connection after its handshake sees frames, not text.
        switch webSocket.startsSIPMessage(storage, at: cursor) {
        case nil:
            return false
        case true?:
            reportSkip(from: skipFrom, counted: counted, problem)
            flow.transport = .ws
            state = .webSocket
            return true
        case false?:
            break
        }
        if !carriesSIP, !StreamStartLine.canBegin(storage[cursor]) {
            // Not the start of a text line: skip it without buffering it whole.
            state = .resync(skipFrom: skipFrom, atLineStart: false, counted: counted)
            return true
        }
        let searchEnd = min(storage.count, cursor + Self.maxStartLine)
        guard let lf = SIPHeaderSection.index(of: 0x0a, in: storage, from: cursor, to: searchEnd) else {
            guard searchEnd - cursor >= Self.maxStartLine else { return false }
            position = base + searchEnd
            state = .resync(skipFrom: skipFrom, atLineStart: false, counted: counted)
            return true
        }
        let line = cursor..<(lf > cursor && storage[lf - 1] == 0x0d ? lf - 1 : lf)
        if StreamStartLine.kind(storage, line) == nil {
            // The next message may follow leftover bytes on the same line (a body without a final CRLF).
            guard let start = StreamStartLine.startInsideLine(storage, line) else {
                position = base + lf + 1
                return true
            }
            position = base + start
        }
        reportSkip(from: skipFrom, counted: counted, problem)
        state = .messageStart
        return true
    }

    /// Reports the bytes skipped from `skipFrom` to `position` once the stream has shown SIP.
    private func reportSkip(from skipFrom: Int, counted: Bool, _ problem: (DecodeProblem) -> Void) {
        guard carriesSIP, !counted, position > skipFrom else { return }
        problem(DecodeProblem(kind: .malformedSIP, frame: skipFrame ?? 0, fileIndex: fileIndex,
                              detail: "skipped \(position - skipFrom) bytes that are not SIP (\(flow), stream offset \(skipFrom))"))
    }

    // MARK: - WebSocket (RFC 6455, RFC 7118)

    /// Reads one frame at `position`. False: need more bytes.
    private mutating func readWebSocketFrame(_ storage: UnsafeBufferPointer<UInt8>, base: Int,
                                             emit: (SIPPayloadView) -> Void, problem: (DecodeProblem) -> Void) -> Bool {
        switch webSocket.read(storage, at: position - base, offset: position) {
        case .needMore:
            return false
        case .malformed(let reason):
            report(.malformedWebSocket, at: position, reason, problem)
            skipFrame = frame(at: position)
            state = .webSocketResync(skipFrom: position, counted: true)
            position += 1
        case .frame(let length, let message, let broken):
            if let (reason, offset) = broken { report(.malformedWebSocket, at: offset, reason, problem) }
            position += length
            guard let message else { return true }
            // CRLF keep-alives travel as WebSocket messages of their own (e.g. JsSIP sends "\r\n\r\n").
            guard message.bytes.contains(where: { $0 != 0x0d && $0 != 0x0a }) else { return true }
            if Self.startsWithSIPStartLine(message.bytes) {
                message.bytes.withUnsafeBytes { emitMessage($0, range: message.start..<position, emit: emit) }
            } else if carriesSIP {
                report(.malformedSIP, at: message.start, "WebSocket message is not SIP", problem)
            }
        }
        return true
    }

    /// Looks for a data frame whose payload starts like a SIP message. False: need more bytes.
    private mutating func resyncWebSocket(_ storage: UnsafeBufferPointer<UInt8>, base: Int, skipFrom: Int,
                                          counted: Bool, problem: (DecodeProblem) -> Void) -> Bool {
        var cursor = position - base
        while cursor < storage.count {
            if !carriesSIP, base + cursor > limits.maxUnconfirmedBytes {
                state = .ignoring
                return true
            }
            switch webSocket.startsSIPMessage(storage, at: cursor) {
            case nil:
                position = base + cursor
                return false
            case true?:
                position = base + cursor
                reportSkip(from: skipFrom, counted: counted, problem)
                state = .webSocket
                return true
            case false?:
                cursor += 1
            }
        }
        position = streamEnd
        return false
    }

    // MARK: - Bookkeeping

    private mutating func emitMessage(_ bytes: UnsafeRawBufferPointer, range: Range<Int>,
                                      emit: (SIPPayloadView) -> Void) {
        carriesSIP = true
        emittedMessages += 1
        let carriers = frames.frames(carrying: range, streamEnd: streamEnd)
        emit(SIPPayloadView(bytes: bytes, flow: flow, time: carriers.time, frames: carriers.frames,
                            fileIndex: fileIndex, viaHEP: false))
    }

    private func frame(at offset: Int) -> Int { frames.frame(at: offset) }

    /// Whether a WebSocket message's first line is a SIP start line (RFC 7118 5: one message each).
    private static func startsWithSIPStartLine(_ message: [UInt8]) -> Bool {
        message.withUnsafeBufferPointer { bytes in
            let lf = SIPHeaderSection.index(of: 0x0a, in: bytes, from: 0, to: min(bytes.count, maxStartLine)) ?? bytes.count
            return StreamStartLine.isSIP(bytes, 0..<(lf > 0 && bytes[lf - 1] == 0x0d ? lf - 1 : lf))
        }
    }

    private func report(_ kind: DecodeProblemKind, at offset: Int, _ detail: String, _ problem: (DecodeProblem) -> Void) {
        problem(DecodeProblem(kind: kind, frame: frame(at: offset), fileIndex: fileIndex,
                              detail: "\(detail) (\(flow), stream offset \(offset))"))
    }

    private mutating func discardBuffer(before offset: Int) {
        let drop = offset - bufferStart
        guard drop > 0 else { return }
        if drop >= buffer.count {
            // Keep the allocation for the next partial message unless it grew unusually large.
            buffer.removeAll(keepingCapacity: buffer.capacity <= 65_536)
        } else {
            buffer.removeFirst(drop)
        }
        bufferStart = offset
    }
}
