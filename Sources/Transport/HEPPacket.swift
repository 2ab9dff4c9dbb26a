import Capture

/// A HEP (Homer Encapsulation Protocol) envelope: the original addresses, ports, time and transport
/// of a SIP message that a capture agent (Kamailio siptrace, heplify) sent on.
///
/// HEP v3 starts with "HEP3" and carries typed chunks; HEP v1/v2 is a fixed header (version,
/// length, family, protocol, ports, addresses, and in v2 a time stamp) before the payload.
struct HEPPacket {
    var flow: Flow
    var time: CaptureTime?
    /// Where the payload sits in the buffer that was parsed.
    var payload: Range<Int>
    /// HEP's "protocol type" (1 = SIP); nil when the envelope did not say.
    var payloadType: UInt8?

    enum ParseError: Error {
        case malformed(String)
        case unsupported(String)
    }

    /// True when the buffer starts with HEP v3's magic, or with a plausible HEP v1/v2 header
    /// (version 1 or 2, a header length that fits the address family) followed by a SIP start line.
    static func hasMagic(_ bytes: UnsafeRawBufferPointer) -> Bool {
        if bytes.count >= 4 && bytes[0] == 0x48 && bytes[1] == 0x45 && bytes[2] == 0x50 && bytes[3] == 0x33 { return true }
        // Most datagrams fail legacyPayloadOffset's first test: made here, it saves a call per datagram.
        guard bytes.count >= 16, bytes[0] == 1 || bytes[0] == 2 else { return false }
        return legacyPayloadOffset(bytes) != nil
    }

    static func parse(_ bytes: UnsafeRawBufferPointer) throws(ParseError) -> HEPPacket {
        if bytes.count >= 4 && bytes[0] == 0x48 && bytes[3] == 0x33 { return try parseVersion3(bytes) }
        return try parseLegacy(bytes)
    }

    private static func transport(_ protocolNumber: UInt8) -> TransportProtocol {
        switch protocolNumber {
        case 6: .tcp
        case 132: .sctp
        default: .udp
        }
    }

    // HEP v3 chunk types (vendor 0), per the HEP3 specification.
    private static func parseVersion3(_ bytes: UnsafeRawBufferPointer) throws(ParseError) -> HEPPacket {
        guard bytes.count >= 6 else { throw .malformed("HEP3 header cut short") }
        let total = Int(bytes.u16(4))
        guard total >= 6, total <= bytes.count else {
            throw .malformed("HEP3 length \(total) does not fit \(bytes.count) bytes")
        }
        var protocolNumber: UInt8 = 17
        var source: IPAddress?, destination: IPAddress?
        var sourcePort: UInt16?, destinationPort: UInt16?
        var seconds: UInt32?, microseconds: UInt32 = 0
        var payload: Range<Int>?
        var payloadType: UInt8?
        var offset = 6
        while offset + 6 <= total {
            let vendor = bytes.u16(offset), type = bytes.u16(offset + 2), length = Int(bytes.u16(offset + 4))
            guard length >= 6, offset + length <= total else {
                throw .malformed("HEP3 chunk type \(type) length \(length) overruns the packet")
            }
            let value = offset + 6
            let size = length - 6
            if vendor == 0 {
                switch (type, size) {
                case (2, 1): protocolNumber = bytes[value]
                case (3, 4): source = bytes.ipv4(value)
                case (4, 4): destination = bytes.ipv4(value)
                case (5, 16): source = bytes.ipv6(value)
                case (6, 16): destination = bytes.ipv6(value)
                case (7, 2): sourcePort = bytes.u16(value)
                case (8, 2): destinationPort = bytes.u16(value)
                case (9, 4): seconds = bytes.u32(value)
                case (10, 4): microseconds = bytes.u32(value)
                case (11, 1): payloadType = bytes[value]
                case (15, _): payload = value..<(value + size)
                case (16, _): throw .unsupported("HEP3 compressed payload is not decoded")
                case (3...10, _), (2, _), (11, _):
                    throw .malformed("HEP3 chunk type \(type) has \(size) bytes")
                default: break
                }
            }
            offset += length
        }
        guard let source, let destination, let sourcePort, let destinationPort, let payload else {
            throw .malformed("HEP3 packet lacks addresses, ports or payload")
        }
        let time = seconds.map {
            CaptureTime(seconds: Int64($0), nanoseconds: Int32(truncatingIfNeeded: min(microseconds, 999_999) * 1000))
        }
        return HEPPacket(flow: Flow(source: Endpoint(address: source, port: sourcePort),
                                    destination: Endpoint(address: destination, port: destinationPort),
                                    transport: transport(protocolNumber)),
                         time: time, payload: payload, payloadType: payloadType)
    }

    /// Offset of the SIP payload in a HEP v1/v2 packet, or nil when it does not look like one.
    /// v2 adds a time header (seconds, microseconds, capture id) that Kamailio writes as a padded
    /// 12-byte struct; some agents pack it to 10 bytes, so both are tried.
    private static func legacyPayloadOffset(_ bytes: UnsafeRawBufferPointer) -> Int? {
        guard bytes.count >= 16, bytes[0] == 1 || bytes[0] == 2 else { return nil }
        let headerLength = Int(bytes[1])
        switch (bytes[2], headerLength) {
        case (2, 16), (10, 40): break
        default: return nil
        }
        let candidates = bytes[0] == 2 ? [headerLength + 12, headerLength + 10] : [headerLength]
        for offset in candidates where offset < bytes.count && SIPStartLine.matches(bytes.slice(offset)) {
            return offset
        }
        return nil
    }

    private static func parseLegacy(_ bytes: UnsafeRawBufferPointer) throws(ParseError) -> HEPPacket {
        guard let offset = legacyPayloadOffset(bytes) else { throw .malformed("not a HEP v1/v2 packet") }
        let isIPv6 = bytes[2] == 10
        let source = isIPv6 ? bytes.ipv6(8) : bytes.ipv4(8)
        let destination = isIPv6 ? bytes.ipv6(24) : bytes.ipv4(12)
        let headerLength = Int(bytes[1])
        var time: CaptureTime?
        if bytes[0] == 2 {
            // Kamailio writes the time header in host (little-endian) order.
            let seconds = bytes.u32LittleEndian(headerLength)
            let microseconds = min(bytes.u32LittleEndian(headerLength + 4), 999_999)
            time = CaptureTime(seconds: Int64(seconds), nanoseconds: Int32(microseconds) * 1000)
        }
        return HEPPacket(flow: Flow(source: Endpoint(address: source, port: bytes.u16(4)),
                                    destination: Endpoint(address: destination, port: bytes.u16(6)),
                                    transport: transport(bytes[3])),
                         time: time, payload: offset..<bytes.count, payloadType: 1)
    }
}
