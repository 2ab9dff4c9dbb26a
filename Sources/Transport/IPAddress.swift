/// An IPv4 or IPv6 address as it appeared in a packet header.
public enum IPAddress: Hashable, Sendable, CustomStringConvertible {
    case v4(UInt32)
    /// IPv6 as two big-endian halves.
    case v6(UInt64, UInt64)

    public init(v4 bytes: some Collection<UInt8>) {
        self = .v4(bytes.prefix(4).reduce(0) { $0 << 8 | UInt32($1) })
    }

    public init(v6 bytes: some Collection<UInt8>) {
        let all = Array(bytes.prefix(16))
        let high = all.prefix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        let low = all.dropFirst(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        self = .v6(high, low)
    }

    /// Dotted quad for IPv4; RFC 5952 canonical text for IPv6 (lowercase, longest zero run as `::`).
    public var description: String {
        switch self {
        case .v4(let value):
            // Digit by digit: reports and the audit name addresses constantly, and string
            // interpolation of four numbers cost thousands of instructions.
            return String(unsafeUninitializedCapacity: 15) { buffer in
                var count = 0
                for shift in [24, 16, 8, 0] as [UInt32] {
                    let octet = Int(value >> shift & 0xff)
                    if octet >= 100 { buffer[count] = UInt8(ascii: "0") + UInt8(octet / 100); count += 1 }
                    if octet >= 10 { buffer[count] = UInt8(ascii: "0") + UInt8(octet / 10 % 10); count += 1 }
                    buffer[count] = UInt8(ascii: "0") + UInt8(octet % 10)
                    count += 1
                    if shift != 0 { buffer[count] = UInt8(ascii: "."); count += 1 }
                }
                return count
            }
        case .v6(let high, let low):
            let groups = (0..<8).map { index -> UInt16 in
                let half = index < 4 ? high : low
                return UInt16(truncatingIfNeeded: half >> (48 - 16 * UInt64(index % 4)))
            }
            // Longest run of two or more zero groups, first one wins on a tie (RFC 5952 4.2.3).
            var bestStart = -1, bestLength = 0, index = 0
            while index < 8 {
                guard groups[index] == 0 else { index += 1; continue }
                var end = index
                while end < 8 && groups[end] == 0 { end += 1 }
                if end - index > bestLength && end - index >= 2 { bestStart = index; bestLength = end - index }
                index = end
            }
            let hex = groups.map { String($0, radix: 16) }
            if bestStart < 0 { return hex.joined(separator: ":") }
            let head = hex[0..<bestStart].joined(separator: ":")
            let tail = hex[(bestStart + bestLength)...].joined(separator: ":")
            return head + "::" + tail
        }
    }

    public var isIPv6: Bool { if case .v6 = self { true } else { false } }
}
