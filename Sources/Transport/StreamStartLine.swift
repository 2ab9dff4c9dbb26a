/// Start-line checks for framing a byte stream, on raw buffers and without allocating.
///
/// Stricter than `SIPStartLine.matches` (which serves UDP, where a datagram boundary already
/// says where a message begins): on a stream, a line must look exactly like
/// `Method SP Request-URI SP SIP/2.0` or `SIP/2.0 SP 3DIGIT` (RFC 3261 7.1, 7.2), so that leftover
/// body bytes glued to the next message are not mistaken for a start line.
enum StreamStartLine {
    enum Kind: Equatable { case sip, http }

    /// What the line `bytes[line]` (without its line end) starts, if anything.
    static func kind(_ bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> Kind? {
        if isSIP(bytes, line) { return .sip }
        return SIPHeaderSection.isHTTPStartLine(bytes, line) ? .http : nil
    }

    /// True for a SIP status line or request line.
    static func isSIP(_ bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> Bool {
        isStatusLine(bytes, line) || isRequestLine(bytes, line)
    }

    /// Where a SIP start line begins inside `bytes[line]` after leftover bytes (a body without a
    /// final CRLF, or the tail of a message whose start was never captured); nil when none does.
    static func startInsideLine(_ bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> Int? {
        // Status line: "SIP/2.0 DDD" anywhere.
        var cursor = line.lowerBound
        while let found = SIPHeaderSection.index(of: UInt8(ascii: "S"), in: bytes, from: cursor, to: line.upperBound) {
            if isStatusLine(bytes, found..<line.upperBound) { return found }
            cursor = found + 1
        }
        // Request line: the method is the run of capitals right before the Request-URI.
        guard line.count > version.count + 4,
              matches(bytes, at: line.upperBound - version.count - 1, " SIP/2.0") else { return nil }
        let uriEnd = line.upperBound - version.count - 1
        var uriStart = uriEnd
        while uriStart > line.lowerBound, bytes[uriStart - 1] != 0x20 { uriStart -= 1 }
        guard uriStart > line.lowerBound + 1 else { return nil }
        let methodEnd = uriStart - 1
        for method in knownMethods where methodEnd - method.count >= line.lowerBound {
            let start = methodEnd - method.count
            if method.enumerated().allSatisfy({ bytes[start + $0.offset] == $0.element }),
               isRequestLine(bytes, start..<line.upperBound) { return start }
        }
        var start = methodEnd
        while start > line.lowerBound, bytes[start - 1] >= 0x41, bytes[start - 1] <= 0x5a { start -= 1 }
        return methodEnd - start >= 3 && isRequestLine(bytes, start..<line.upperBound) ? start : nil
    }

    private static let version = Array("SIP/2.0".utf8)
    private static let knownMethods = ["INVITE", "ACK", "BYE", "CANCEL", "OPTIONS", "REGISTER", "PRACK",
                                       "SUBSCRIBE", "NOTIFY", "PUBLISH", "INFO", "REFER", "MESSAGE", "UPDATE"]
        .map { Array($0.utf8) }

    private static func matches(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, _ text: StaticString) -> Bool {
        let length = text.utf8CodeUnitCount
        guard start >= 0, start + length <= bytes.count else { return false }
        let expected = text.utf8Start
        for offset in 0..<length where bytes[start + offset] != expected[offset] { return false }
        return true
    }

    /// `SIP/2.0 SP 3DIGIT` followed by the end of the line or a space.
    private static func isStatusLine(_ bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> Bool {
        guard line.count >= 11, matches(bytes, at: line.lowerBound, "SIP/2.0 ") else { return false }
        for offset in 8..<11 where !(0x30...0x39).contains(bytes[line.lowerBound + offset]) { return false }
        return line.count == 11 || bytes[line.lowerBound + 11] == 0x20
    }

    /// `token SP URI SP SIP/2.0`, where the URI has no space and holds a scheme's colon. Runs of
    /// spaces between the three parts are tolerated as lenient parsers do; more parts are not.
    private static func isRequestLine(_ bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> Bool {
        guard line.count >= 14, matches(bytes, at: line.upperBound - 8, " SIP/2.0") else { return false }
        var cursor = line.lowerBound
        while cursor < line.upperBound, isTokenByte(bytes[cursor]) { cursor += 1 }
        guard cursor > line.lowerBound, cursor < line.upperBound, bytes[cursor] == 0x20 else { return false }
        var uriStart = cursor + 1, uriEnd = line.upperBound - 8
        while uriStart < uriEnd, bytes[uriStart] == 0x20 { uriStart += 1 }
        while uriEnd > uriStart, bytes[uriEnd - 1] == 0x20 { uriEnd -= 1 }
        guard uriStart < uriEnd else { return false }
        var index = uriStart
        let raw = UnsafeRawBufferPointer(bytes)
        while index + 8 <= uriEnd, !ASCIIWord.hasByte(below: 0x21, raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)) {
            index += 8
        }
        while index < uriEnd {
            if bytes[index] < 0x21 { return false }
            index += 1
        }
        return SIPHeaderSection.index(of: UInt8(ascii: ":"), in: bytes, from: uriStart, to: uriEnd) != nil
    }

    /// Whether a SIP or HTTP start line can begin with `byte` (a method token or "SIP/", "HTTP/").
    static func canBegin(_ byte: UInt8) -> Bool { isTokenByte(byte) }

    /// RFC 3261 25.1 token characters.
    private static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x41...0x5a, 0x61...0x7a, 0x30...0x39: true
        case UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "%"), UInt8(ascii: "*"),
             UInt8(ascii: "_"), UInt8(ascii: "+"), UInt8(ascii: "`"), UInt8(ascii: "'"), UInt8(ascii: "~"): true
        default: false
        }
    }
}
