#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads just enough of a SIP (or HTTP) header section to frame messages on a byte stream:
/// where the section ends, the Content-Length, and whether it upgrades the stream to WebSocket.
///
/// Works on raw buffers so that framing never copies or allocates per header.
enum SIPHeaderSection {
    /// What the Content-Length header (or its compact form `l`, RFC 3261 7.3.3) says.
    enum ContentLength: Equatable {
        /// No Content-Length: on a stream the body is empty (RFC 3261 18.3).
        case absent
        case value(Int)
        /// Present but not a non-negative decimal number; the reason says why.
        case invalid(String)
    }

    /// Upgrade to WebSocket announced by an HTTP request or a `101` response (RFC 6455 4.1, 4.2.2).
    struct WebSocketUpgrade: Equatable {
        /// `Sec-WebSocket-Protocol` names `sip` (RFC 7118 4.1).
        var namesSIP: Bool
    }

    /// First index of `byte` in `bytes[from..<to]`, or nil.
    @inline(__always)
    static func index(of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int? {
        guard from < to, let base = bytes.baseAddress else { return nil }
        guard let found = memchr(base + from, Int32(byte), to - from) else { return nil }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    /// Outcome of looking for the empty line that ends a header section.
    enum End: Equatable {
        /// The section (start line, fields and empty line) ends just before this index.
        case found(Int)
        /// Not yet: resume the search at this index once more bytes arrived.
        case needMore(resumeAt: Int)
    }

    /// Looks for the empty line (CRLF CRLF, or bare LFs as lenient parsers accept) from `from`.
    static func findEnd(_ bytes: UnsafeBufferPointer<UInt8>, from: Int) -> End {
        var cursor = from
        let count = bytes.count
        while let lf = index(of: 0x0a, in: bytes, from: cursor, to: count) {
            guard lf + 1 < count else { return .needMore(resumeAt: lf) }
            if bytes[lf + 1] == 0x0a { return .found(lf + 2) }
            if bytes[lf + 1] == 0x0d {
                guard lf + 2 < count else { return .needMore(resumeAt: lf) }
                if bytes[lf + 2] == 0x0a { return .found(lf + 3) }
            }
            cursor = lf + 1
        }
        return .needMore(resumeAt: count)
    }

    /// Calls `body(name, value)` for every header field after the start line. A field's value runs
    /// to the end of its logical line, folded continuation lines included (RFC 3261 7.3.1).
    /// `body` returns false to stop.
    static func forEachField(_ section: UnsafeBufferPointer<UInt8>,
                             _ body: (Range<Int>, Range<Int>) -> Bool) {
        let count = section.count
        guard var lineStart = index(of: 0x0a, in: section, from: 0, to: count).map({ $0 + 1 }) else { return }
        while lineStart < count, section[lineStart] != 0x0d, section[lineStart] != 0x0a {
            var lineEnd = index(of: 0x0a, in: section, from: lineStart, to: count) ?? count
            while lineEnd + 1 < count, section[lineEnd + 1] == 0x20 || section[lineEnd + 1] == 0x09 {
                lineEnd = index(of: 0x0a, in: section, from: lineEnd + 1, to: count) ?? count
            }
            if let colon = index(of: UInt8(ascii: ":"), in: section, from: lineStart, to: lineEnd) {
                var nameEnd = colon
                while nameEnd > lineStart, section[nameEnd - 1] == 0x20 || section[nameEnd - 1] == 0x09 { nameEnd -= 1 }
                if !body(lineStart..<nameEnd, (colon + 1)..<lineEnd) { return }
            }
            lineStart = lineEnd + 1
        }
    }

    /// True when `bytes[range]` equals the lowercase ASCII `name`, ignoring case.
    static func equalsIgnoringCase(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>,
                                   _ name: StaticString) -> Bool {
        guard range.count == name.utf8CodeUnitCount else { return false }
        let expected = name.utf8Start
        for offset in 0..<range.count where bytes[range.lowerBound + offset] | 0x20 != expected[offset] {
            return false
        }
        return true
    }

    /// True when `bytes[range]` contains the lowercase ASCII `word`, ignoring case.
    static func containsIgnoringCase(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>,
                                     _ word: StaticString) -> Bool {
        let length = word.utf8CodeUnitCount
        guard length > 0, range.count >= length else { return false }
        let expected = word.utf8Start
        for start in range.lowerBound...(range.upperBound - length) {
            var offset = 0
            while offset < length, bytes[start + offset] | 0x20 == expected[offset] { offset += 1 }
            if offset == length { return true }
        }
        return false
    }

    @inline(__always)
    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0d || byte == 0x0a
    }

    /// The Content-Length of a header section (start line to empty line). The first
    /// `Content-Length` or `l` field decides; `maxValue` bounds the digits read, so an absurd
    /// value comes back as a number larger than `maxValue` rather than overflowing.
    static func contentLength(_ section: UnsafeBufferPointer<UInt8>, maxValue: Int) -> ContentLength {
        var result = ContentLength.absent
        forEachField(section) { name, value in
            guard equalsIgnoringCase(section, name, "content-length") || equalsIgnoringCase(section, name, "l")
            else { return true }
            result = parseLength(section, value, maxValue: maxValue)
            return false
        }
        return result
    }

    static func parseLength(_ bytes: UnsafeBufferPointer<UInt8>, _ value: Range<Int>,
                                    maxValue: Int) -> ContentLength {
        var cursor = value.lowerBound
        while cursor < value.upperBound, isWhitespace(bytes[cursor]) { cursor += 1 }
        var number = 0, digits = 0
        while cursor < value.upperBound, bytes[cursor] >= 0x30, bytes[cursor] <= 0x39 {
            // Saturate above the limit: the caller reports "too large", never an overflow.
            if number <= maxValue {
                let digit = Int(bytes[cursor] - 0x30)
                number = number > (Int.max - digit) / 10 ? Int.max : number * 10 + digit
            }
            digits += 1
            cursor += 1
        }
        while cursor < value.upperBound, isWhitespace(bytes[cursor]) { cursor += 1 }
        guard digits > 0, cursor == value.upperBound else {
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[value]).prefix(40), as: UTF8.self)
            return .invalid("Content-Length is not a decimal number: \"\(text.trimmingWhitespace)\"")
        }
        return .value(number)
    }

    /// The WebSocket upgrade a header section announces, if any: an HTTP request with
    /// `Upgrade: websocket`, or an HTTP `101` response (RFC 6455 4.1, 4.2.2).
    static func webSocketUpgrade(_ section: UnsafeBufferPointer<UInt8>) -> WebSocketUpgrade? {
        var upgrade = false, namesSIP = false
        forEachField(section) { name, value in
            if equalsIgnoringCase(section, name, "upgrade") {
                upgrade = upgrade || containsIgnoringCase(section, value, "websocket")
            } else if equalsIgnoringCase(section, name, "sec-websocket-protocol") {
                namesSIP = namesSIP || containsIgnoringCase(section, value, "sip")
            }
            return true
        }
        let switching = startsWith(section, "HTTP/1.1 101") || startsWith(section, "HTTP/1.0 101")
        return upgrade || switching ? WebSocketUpgrade(namesSIP: namesSIP) : nil
    }

    /// True when the line `bytes[range]` (no line end) is an HTTP request or status line.
    static func isHTTPStartLine(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        let line = UnsafeBufferPointer(rebasing: bytes[range])
        if startsWith(line, "HTTP/1.") { return true }
        guard line.count > 9 else { return false }
        let tail = UnsafeBufferPointer(rebasing: line[(line.count - 9)...])
        return startsWith(tail, " HTTP/1.1") || startsWith(tail, " HTTP/1.0")
    }

    static func startsWith(_ bytes: UnsafeBufferPointer<UInt8>, _ prefix: StaticString) -> Bool {
        let length = prefix.utf8CodeUnitCount
        guard bytes.count >= length else { return false }
        let expected = prefix.utf8Start
        for offset in 0..<length where bytes[offset] != expected[offset] { return false }
        return true
    }
}

extension String {
    fileprivate var trimmingWhitespace: String {
        String(self.drop(while: { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" })
            .reversed().drop(while: { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" }).reversed())
    }
}
