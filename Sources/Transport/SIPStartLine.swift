/// Recognises SIP by content, not by port: the corpus carries SIP on 5060, 6060, 5260 and more.
public enum SIPStartLine {
    /// True when `bytes` begins like a SIP request line (`METHOD SP uri SP SIP/2.0`) or status line
    /// (`SIP/2.0 SP 3DIGIT`). Only the first line is looked at, and at most `limit` bytes of it.
    public static func matches(_ bytes: some Collection<UInt8>, limit: Int = 512) -> Bool {
        if let answer = bytes.withContiguousStorageIfAvailable({ matches(UnsafeRawBufferPointer($0), limit: limit) }) {
            return answer
        }
        return Array(bytes.prefix(limit)).withUnsafeBytes { matches($0, limit: limit) }
    }

    /// The same test on borrowed bytes, without copying or allocating (the decoder's hot path).
    public static func matches(_ bytes: UnsafeRawBufferPointer, limit: Int = 512) -> Bool {
        let window = min(bytes.count, limit)
        var end = 0
        // Eight bytes at a time while none is a control byte (the usual printable start line).
        // In the word that holds one, the line ends at its first control byte when that is CR or
        // LF (the usual case); otherwise the byte loop below decides from that byte on.
        while end + 8 <= window {
            let word = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: end, as: UInt64.self))
            guard let first = ASCIIWord.firstControlByte(word) else {
                end += 8
                continue
            }
            end += first
            let byte = bytes[end]
            if byte == 0x0d || byte == 0x0a { return isStartLine(UnsafeRawBufferPointer(rebasing: bytes[0..<end])) }
            break
        }
        while end < window {
            let byte = bytes[end]
            // One comparison for the usual printable byte; the rare control bytes decide below.
            if byte < 0x20 || byte == 0x7f {
                if byte == 0x0d || byte == 0x0a { break }
                // RFC 3261 25.1: no control characters in a start line (fuzzed NULs are not SIP).
                if byte != 0x09 { return false }
            }
            end += 1
        }
        return isStartLine(UnsafeRawBufferPointer(rebasing: bytes[0..<end]))
    }

    @inline(__always)
    private static func isStartLine(_ line: UnsafeRawBufferPointer) -> Bool {
        isStatusLine(line) || isRequestLine(line)
    }

    /// True when the bytes are only CR, LF (RFC 5626 3.5.1 keep-alives) or NULs some UAs send.
    public static func isKeepAlive(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard !bytes.isEmpty else { return false }
        for byte in bytes where byte != 0x0d && byte != 0x0a && byte != 0 { return false }
        return true
    }

    /// "SIP/2.0" in ASCII.
    private static let version: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) = (0x53, 0x49, 0x50, 0x2f, 0x32, 0x2e, 0x30)

    @inline(__always)
    private static func hasVersion(_ line: UnsafeRawBufferPointer, at offset: Int) -> Bool {
        line[offset] == version.0 && line[offset + 1] == version.1 && line[offset + 2] == version.2
            && line[offset + 3] == version.3 && line[offset + 4] == version.4 && line[offset + 5] == version.5
            && line[offset + 6] == version.6
    }

    private static func isStatusLine(_ line: UnsafeRawBufferPointer) -> Bool {
        guard line.count >= 11, hasVersion(line, at: 0), line[7] == 0x20 else { return false }
        return (8...10).allSatisfy { line[$0] >= 0x30 && line[$0] <= 0x39 }
    }

    private static func isRequestLine(_ line: UnsafeRawBufferPointer) -> Bool {
        // RFC 3261 25.1: Method is a token; the line ends with SP "SIP/2.0".
        guard line.count >= 11, hasVersion(line, at: line.count - 7), line[line.count - 8] == 0x20 else { return false }
        var space = 0
        while space < line.count, line[space] != 0x20 {
            guard isTokenByte(line[space]) else { return false }
            space += 1
        }
        return space > 0
    }

    @inline(__always)
    private static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x41...0x5a, 0x61...0x7a, 0x30...0x39: true
        case UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "%"), UInt8(ascii: "*"),
             UInt8(ascii: "_"), UInt8(ascii: "+"), UInt8(ascii: "`"), UInt8(ascii: "'"), UInt8(ascii: "~"): true
        default: false
        }
    }
}
