/// Recognises SIP by content, not by port: the corpus carries SIP on 5060, 6060, 5260 and more.
public enum SIPStartLine {
    /// True when `bytes` begins like a SIP request line (`METHOD SP uri SP SIP/2.0`) or status line
    /// (`SIP/2.0 SP 3DIGIT`). Only the first line is looked at, and at most `limit` bytes of it.
    public static func matches(_ bytes: some Collection<UInt8>, limit: Int = 512) -> Bool {
        var line = bytes.prefix(limit).makeIterator()
        var first: [UInt8] = []
        first.reserveCapacity(64)
        while let byte = line.next(), byte != 0x0d, byte != 0x0a { first.append(byte) }
        return isStatusLine(first) || isRequestLine(first)
    }

    private static let version = Array("SIP/2.0".utf8)

    private static func isStatusLine(_ line: [UInt8]) -> Bool {
        guard line.count >= 11, line.starts(with: version), line[7] == 0x20 else { return false }
        return line[8...10].allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }

    private static func isRequestLine(_ line: [UInt8]) -> Bool {
        // RFC 3261 25.1: Method is a token; the line ends with SP "SIP/2.0".
        guard line.count >= version.count + 4, line.suffix(version.count).elementsEqual(version),
              line[line.count - version.count - 1] == 0x20,
              let space = line.firstIndex(of: 0x20), space > 0 else { return false }
        return line[..<space].allSatisfy(isTokenByte)
    }

    private static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x41...0x5a, 0x61...0x7a, 0x30...0x39: true
        case UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "%"), UInt8(ascii: "*"),
             UInt8(ascii: "_"), UInt8(ascii: "+"), UInt8(ascii: "`"), UInt8(ascii: "'"), UInt8(ascii: "~"): true
        default: false
        }
    }
}
