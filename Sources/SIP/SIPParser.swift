/// Parses one SIP message from bytes (RFC 3261 7): the start line, a zero-copy header table and
/// the body delimited by Content-Length.
///
/// This pass checks what framing depends on and nothing more (start line, header line syntax,
/// Content-Length); header values are parsed lazily by the typed accessors of `SIPMessage`, and
/// `SIPMessage.validate()` applies the stricter RFC 3261 / RFC 4475 checks on demand.
public enum SIPParser {
    /// The largest Content-Length accepted; anything above is an overlarge scalar (RFC 4475 3.1.2.4).
    public static let maximumContentLength = 1 << 26

    /// The largest offset a start line or header line may reach, and where the body may start at
    /// the latest: the message keeps 32-bit offsets, so a start line or header section beyond
    /// 4 GiB is a `malformedStartLine` or `malformedHeader` error (the body's end is not limited).
    public static let maximumHeaderOffset = Int(UInt32.max)

    /// Parses `bytes` as one SIP message. Bytes after the body announced by Content-Length are
    /// ignored (RFC 4475 3.1.1.8); without Content-Length the body is the rest of the bytes, as
    /// for a datagram (RFC 3261 18.3).
    public static func parse(_ bytes: [UInt8]) throws(SIPParseError) -> SIPMessage {
        try parse(bytes, options: Options())
    }

    /// What the parser tolerates beyond RFC 3261.
    public struct Options: Sendable, Equatable {
        /// Accept a body shorter than Content-Length (a capture cut by its snap length, or a
        /// file whose line ends were rewritten): the body is what is there and
        /// `SIPMessage.isBodyTruncated` is set. Off by default (RFC 4475 3.1.2.2 rejects it).
        public var allowTruncatedBody: Bool

        /// `maximumHeaderOffset`, lowered by tests (a 4 GiB message is no test input).
        var headerOffsetLimit = SIPParser.maximumHeaderOffset

        /// Creates options.
        public init(allowTruncatedBody: Bool = false) {
            self.allowTruncatedBody = allowTruncatedBody
        }
    }

    /// Parses `bytes` with `options`.
    public static func parse(_ bytes: [UInt8], options: Options) throws(SIPParseError) -> SIPMessage {
        try bytes.withUnsafeBufferPointer { (p) throws(SIPParseError) -> SIPMessage in try parse(p, bytes, options) }
    }

    /// Finds line ends. Lines end with CRLF, LF or, as pjsip and sofia-sip accept, a bare CR;
    /// CR...CRLF (seen from broken UAs) counts as one line end.
    struct LineScanner {
        let p: UnsafeBufferPointer<UInt8>
        let n: Int

        init(_ p: UnsafeBufferPointer<UInt8>) {
            self.p = p
            self.n = p.count
        }

        /// The end of the line starting at `from` (index of its terminator) and the start of
        /// the next line; `(n, n)` when the data ends first.
        @inline(always)
        func lineEnd(from: Int) -> (end: Int, next: Int) {
            let i = ByteClass.findLineBreak(p, from, n)
            if i == n { return (n, n) }
            if p[i] == ByteClass.lf { return (i, i + 1) }
            var k = i + 1
            while k < n, p[k] == ByteClass.cr { k += 1 }
            return (k < n && p[k] == ByteClass.lf) ? (i, k + 1) : (i, i + 1)
        }
    }

    private static func parse(_ p: UnsafeBufferPointer<UInt8>, _ bytes: [UInt8], _ options: Options) throws(SIPParseError) -> SIPMessage {
        let n = p.count
        var pos = 0
        // RFC 3261 7.5: CRLFs before the start line are ignored.
        while pos < n, p[pos] == ByteClass.cr || p[pos] == ByteClass.lf { pos += 1 }
        guard pos < n else { throw SIPParseError(.empty, at: pos, "no start line") }

        let lines = LineScanner(p)
        let first = lines.lineEnd(from: pos)
        guard first.end < n else { throw SIPParseError(.truncatedHeaders, at: pos, "start line not terminated") }
        if first.end > options.headerOffsetLimit {
            throw SIPParseError(.malformedStartLine, at: pos, "start line reaches beyond byte \(options.headerOffsetLimit)")
        }
        let (method, status, parts) = try parseStartLine(p, pos..<first.end)
        pos = first.next

        // Header entries are gathered on the stack and kept in an array of exactly their number:
        // a message lives as long as its call, and a list with room for large messages held more
        // memory than the message itself.
        let section = try withUnsafeTemporaryAllocation(of: HeaderEntry.self, capacity: Self.stackHeaders) {
            (stack) throws(SIPParseError) -> HeaderSection in
            try scanHeaders(p, from: pos, lines: lines, limit: options.headerOffsetLimit, stack: stack)
        }
        let table = section.table, bodyStart = section.bodyStart, terminated = section.terminated
        if bodyStart > options.headerOffsetLimit { throw beyondLimit(bodyStart, options.headerOffsetLimit) }
        let contentLength = section.contentLength
        // Without the empty line the headers end with the data (robustness: a datagram whose
        // final CRLF was lost); `isHeaderSectionTerminated` tells.
        var bodyEnd = n
        var truncated = false
        if let length = contentLength {
            if bodyStart + length <= n {
                bodyEnd = bodyStart + length
            } else if options.allowTruncatedBody {
                truncated = true
            } else {
                throw SIPParseError(.truncatedBody, at: n,
                                    "Content-Length \(length) but \(n - bodyStart) body bytes")
            }
        }
        return SIPMessage(bytes: bytes, methodCode: method, status: status, startLineParts: parts, table: table,
                          bodyRange: bodyStart..<bodyEnd, isHeaderSectionTerminated: terminated,
                          isBodyTruncated: truncated)
    }

    /// Header entries held on the stack while a message is parsed (1 KB at most, which the
    /// runtime keeps on the stack; larger temporary buffers go to the heap); more spill to it.
    static let stackHeaders = 1024 / MemoryLayout<HeaderEntry>.stride

    /// What `scanHeaders` found.
    private struct HeaderSection {
        var table: [HeaderEntry]
        var bodyStart: Int
        var terminated: Bool
        var contentLength: Int?
    }

    /// Reads the header lines from `from` up to the empty line (or the end of the data), each
    /// into `stack` while it has room, and returns them as an array of their number. A header
    /// line reaching beyond `limit` is an error (offsets are kept in 32 bits).
    private static func scanHeaders(_ p: UnsafeBufferPointer<UInt8>, from: Int, lines: LineScanner, limit: Int,
                                    stack: UnsafeMutableBufferPointer<HeaderEntry>) throws(SIPParseError) -> HeaderSection {
        let n = p.count
        var pos = from
        var stored = 0
        var spilled: [HeaderEntry] = []
        var bodyStart = n
        var terminated = false
        var contentLength: Int? = nil
        while pos < n {
            let b0 = p[pos]
            if b0 == ByteClass.lf { bodyStart = pos + 1; terminated = true; break }
            if b0 == ByteClass.cr {
                bodyStart = (pos + 1 < n && p[pos + 1] == ByteClass.lf) ? pos + 2 : pos + 1
                terminated = true
                break
            }
            if ByteClass.isBlank(b0) {
                throw SIPParseError(.malformedHeader, at: pos, "continuation line without a header")
            }
            // Name, optional blanks, ':' (RFC 3261 25.1 HCOLON). Most lines have a short name
            // right before the colon: `fastName` reads it a word at a time. Otherwise the colon
            // is found first; a known name is then validated by the comparison that recognises
            // it, so only unknown names are checked byte by byte for token characters.
            var line: (end: Int, next: Int)
            let code: UInt8
            let colon: Int
            let fast = fastName(p, pos)
            if fast >= 0 {
                colon = fast >> 8
                code = UInt8(truncatingIfNeeded: fast)
                if code == 0 { try checkTokens(p, pos..<colon) }
                // No line break before the colon, so the line ends where it would from `pos`.
                line = lines.lineEnd(from: colon + 1)
            } else {
                (code, colon, line) = try fullName(p, pos, lines)
            }
            let i = colon + 1
            // Value: up to the line end, extended over continuation lines (folding).
            var folded = false
            while line.next < n, ByteClass.isBlank(p[line.next]) {
                line = lines.lineEnd(from: line.next)
                folded = true
            }
            var vStart = i
            var vEnd = line.end
            while vStart < vEnd, ByteClass.isLWS(p[vStart]) { vStart += 1 }
            while vEnd > vStart, ByteClass.isLWS(p[vEnd - 1]) { vEnd -= 1 }
            if vEnd > limit { throw beyondLimit(pos, limit) }
            if code == HeaderName.contentLength.code {
                let value = try parseContentLength(p, vStart..<vEnd)
                if let previous = contentLength, previous != value {
                    throw SIPParseError(.invalidContentLength, at: vStart, "conflicting Content-Length values")
                }
                contentLength = value
            }
            let header = HeaderEntry(code: code, value: vStart..<vEnd, isFolded: folded)
            if stored < stack.count {
                stack.initializeElement(at: stored, to: header)
                stored += 1
            } else {
                spill(header, to: &spilled, after: stack)
            }
            pos = line.next
        }
        // One allocation of exactly the entries and a copy, specialised here:
        // `init(unsafeUninitializedCapacity:)` looked up the array's storage type at run time on
        // every call, and reserving then appending went through the growth path. Spilled entries
        // (more than `stackHeaders`, rare) are copied once more, from their grown array.
        let table = spilled.isEmpty ? Array(UnsafeBufferPointer(rebasing: stack[..<stored]))
            : spilled.withUnsafeBufferPointer { Array($0) }
        return HeaderSection(table: table, bodyStart: bodyStart, terminated: terminated,
                             contentLength: contentLength)
    }

    // The rare cases of `scanHeaders`, kept out of its loop: a loop with fewer blocks lets the
    // optimiser inline the fast path's helpers into it.

    /// The name of the header line at `pos` read the full way (what `fastName` leaves): the colon
    /// is found first, blanks before it dropped; a known name is then validated by the comparison
    /// that recognises it, so only unknown names are checked byte by byte for token characters.
    @inline(never)
    private static func fullName(_ p: UnsafeBufferPointer<UInt8>, _ pos: Int, _ lines: LineScanner)
        throws(SIPParseError) -> (code: UInt8, colon: Int, line: (end: Int, next: Int)) {
        let line = lines.lineEnd(from: pos)
        let colon = ByteClass.find(UInt8(ascii: ":"), p, pos, line.end)
        guard colon < line.end else {
            throw SIPParseError(.malformedHeader, at: line.end, "':' expected after header name")
        }
        var end = colon
        while end > pos, ByteClass.isBlank(p[end - 1]) { end -= 1 }
        guard end > pos else { throw SIPParseError(.malformedHeader, at: pos, "header name expected") }
        let code = HeaderName.knownCode(in: p, pos..<end)
        if code == 0 { try checkTokens(p, pos..<end) }
        return (code, colon, line)
    }

    /// The error for a header line at `pos` that reaches beyond `limit`.
    @inline(never)
    private static func beyondLimit(_ pos: Int, _ limit: Int) -> SIPParseError {
        SIPParseError(.malformedHeader, at: pos, "header section reaches beyond byte \(limit)")
    }

    /// Throws at the first byte of the header name `p[range]` that is not a token character.
    /// Kept out of line: unknown names are the rare case of `scanHeaders`.
    @inline(never)
    private static func checkTokens(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) throws(SIPParseError) {
        for k in range where !ByteClass.isToken(p[k]) {
            throw SIPParseError(.malformedHeader, at: k, "invalid character in header name")
        }
    }

    /// Adds a header beyond what `stack` holds: all go to the heap, in order.
    @inline(never)
    private static func spill(_ header: HeaderEntry, to spilled: inout [HeaderEntry],
                              after stack: UnsafeMutableBufferPointer<HeaderEntry>) {
        if spilled.isEmpty { spilled = Array(stack) }
        spilled.append(header)
    }

    /// Content-Length = 1*DIGIT (RFC 3261 20.14); a sign or an overlarge value is an error.
    private static func parseContentLength(_ p: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) throws(SIPParseError) -> Int {
        guard !r.isEmpty else { throw SIPParseError(.invalidContentLength, at: r.lowerBound, "empty Content-Length") }
        var value = 0
        for i in r {
            guard ByteClass.isDigit(p[i]) else {
                throw SIPParseError(.invalidContentLength, at: i, "Content-Length is not a number")
            }
            value = value * 10 + Int(p[i] - 0x30)
            if value > maximumContentLength {
                throw SIPParseError(.invalidContentLength, at: r.lowerBound, "Content-Length overlarge")
            }
        }
        return value
    }

    /// Request-Line = Method SP Request-URI SP SIP-Version; Status-Line = SIP-Version SP
    /// Status-Code SP Reason-Phrase (RFC 3261 7.1, 7.2). Exactly one SP separates the elements
    /// (RFC 4475 3.1.2.8-3.1.2.10 reject extra or trailing whitespace).
    private static func parseStartLine(_ p: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) throws(SIPParseError) -> (UInt8, Int, StartLineParts) {
        if let fast = fastStartLine(p, line) { return fast }
        return try checkStartLine(p, line)
    }

    /// `parseStartLine` without the fast path: every check, and the error for each problem.
    static func checkStartLine(_ p: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) throws(SIPParseError) -> (UInt8, Int, StartLineParts) {
        let s = line.lowerBound, e = line.upperBound
        let sp1 = ByteClass.find(ByteClass.sp, p, s, e)
        guard sp1 < e, sp1 > s else { throw SIPParseError(.malformedStartLine, at: s, "start line has no elements") }
        if isVersionPrefix(p, s..<sp1) {
            // Status line.
            try checkVersion(p, s..<sp1)
            let codeStart = sp1 + 1
            var i = codeStart
            while i < e, ByteClass.isDigit(p[i]) { i += 1 }
            guard i - codeStart == 3 else {
                throw SIPParseError(.malformedStartLine, at: codeStart, "status code must be 3 digits")
            }
            let code = Int(p[codeStart] - 0x30) * 100 + Int(p[codeStart + 1] - 0x30) * 10 + Int(p[codeStart + 2] - 0x30)
            guard (100...699).contains(code) else {
                throw SIPParseError(.malformedStartLine, at: codeStart, "status code out of range 100-699")
            }
            var reasonStart = i
            if i < e {
                guard p[i] == ByteClass.sp else {
                    throw SIPParseError(.malformedStartLine, at: i, "SP expected after status code")
                }
                reasonStart = i + 1
            }
            // Reason-Phrase may be empty (RFC 4475 3.1.1.13) and holds UTF-8 (3.1.1.12).
            return (0, code, StartLineParts(method: s..<sp1, target: codeStart..<codeStart + 3, version: s..<sp1,
                                              reason: reasonStart..<e))
        }
        // Request line.
        for i in s..<sp1 where !ByteClass.isToken(p[i]) {
            throw SIPParseError(.malformedStartLine, at: i, "method is not a token")
        }
        let uriStart = sp1 + 1
        let sp2 = ByteClass.find(ByteClass.sp, p, uriStart, e)
        guard sp2 < e else { throw SIPParseError(.malformedStartLine, at: e, "SIP-Version missing") }
        guard sp2 > uriStart else {
            throw SIPParseError(.malformedStartLine, at: uriStart, "more than one SP before the Request-URI")
        }
        for i in uriStart..<sp2 where p[i] == ByteClass.ht || p[i] < 0x20 || p[i] == 0x7F {
            throw SIPParseError(.malformedStartLine, at: i, "control character in Request-URI")
        }
        if p[uriStart] == UInt8(ascii: "<") {
            throw SIPParseError(.malformedStartLine, at: uriStart, "Request-URI enclosed in <>")
        }
        let versionStart = sp2 + 1
        guard versionStart < e else { throw SIPParseError(.malformedStartLine, at: sp2, "trailing SP on request line") }
        let extraSP = ByteClass.find(ByteClass.sp, p, versionStart, e)
        if extraSP < e, isNumericVersion(p, versionStart..<extraSP) {
            throw SIPParseError(.malformedStartLine, at: extraSP, "SP after SIP-Version")
        }
        if extraSP < e || !isVersionPrefix(p, versionStart..<e) {
            // Either LWS inside the Request-URI (RFC 4475 3.1.2.8) or stray text.
            if isVersionPrefix(p, versionStart..<e) == false, containsVersion(p, versionStart..<e) {
                throw SIPParseError(.malformedStartLine, at: sp2, "whitespace inside the Request-URI")
            }
            if ByteClass.find(ByteClass.sp, p, versionStart, e) < e {
                throw SIPParseError(.malformedStartLine, at: versionStart, "extra element or trailing SP on request line")
            }
            throw SIPParseError(.malformedStartLine, at: versionStart, "SIP-Version expected")
        }
        try checkVersion(p, versionStart..<e)
        return (methodCode(p, s..<sp1), 0, StartLineParts(method: s..<sp1, target: uriStart..<sp2, version: versionStart..<e, reason: e..<e))
    }

    /// True if `r` starts with "SIP/" (any case), the shape of a SIP-Version.
    private static func isVersionPrefix(_ p: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Bool {
        guard r.count >= 4 else { return false }
        let b = r.lowerBound
        return p[b] | 0x20 == UInt8(ascii: "s") && p[b + 1] | 0x20 == UInt8(ascii: "i")
            && p[b + 2] | 0x20 == UInt8(ascii: "p") && p[b + 3] == UInt8(ascii: "/")
    }

    /// `SIP/1*DIGIT.1*DIGIT`: a version we understand the shape of but not the number.
    private static func isNumericVersion(_ p: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Bool {
        guard isVersionPrefix(p, r) else { return false }
        let digits = (r.lowerBound + 4)..<r.upperBound
        var dots = 0
        for i in digits {
            if p[i] == UInt8(ascii: ".") { dots += 1 } else if !ByteClass.isDigit(p[i]) { return false }
        }
        return dots == 1 && digits.count >= 3 && p[digits.lowerBound] != UInt8(ascii: ".") && p[digits.upperBound - 1] != UInt8(ascii: ".")
    }

    private static func containsVersion(_ p: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Bool {
        var i = r.lowerBound
        while i < r.upperBound {
            if p[i] == ByteClass.sp, isVersionPrefix(p, (i + 1)..<r.upperBound) { return true }
            i += 1
        }
        return false
    }

    /// SIP-Version is case-insensitive (RFC 3261 7.1); only 2.0 is understood (RFC 4475 3.1.2.16).
    private static func checkVersion(_ p: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) throws(SIPParseError) {
        guard r.count == 7, isVersionPrefix(p, r),
              p[r.lowerBound + 4] == UInt8(ascii: "2"), p[r.lowerBound + 5] == UInt8(ascii: "."),
              p[r.lowerBound + 6] == UInt8(ascii: "0")
        else {
            if isNumericVersion(p, r) {
                throw SIPParseError(.unsupportedVersion, at: r.lowerBound, "SIP-Version is not SIP/2.0")
            }
            throw SIPParseError(.malformedStartLine, at: r.lowerBound, "SIP-Version expected")
        }
    }
}

/// Byte ranges of the start line's three elements.
public struct StartLineParts: Sendable, Equatable {
    /// Method (request) or SIP-Version (response).
    public let method: Range<Int>
    /// Request-URI (request) or Status-Code (response).
    public let target: Range<Int>
    /// SIP-Version.
    public let version: Range<Int>
    /// Reason-Phrase (responses; empty for requests).
    public let reason: Range<Int>
}
