import Dialogs
import Transport

extension JSONWriter {
    /// `"key":"ip:port/transport"`, the text of `TransportAddress.description`. Every request
    /// record carries two, every proxy a list: an IPv4 address is written digit by digit straight
    /// into the record (the interpolated `description` costs thousands of instructions, and so
    /// do twenty single-byte appends), anything else through `description`.
    mutating func field(_ name: StaticString, address: TransportAddress?) {
        key(name)
        self.address(address)
    }

    /// `"key":["ip:port/transport",...]`.
    mutating func field(_ name: StaticString, addresses: [TransportAddress]) {
        key(name)
        beginArray()
        for address in addresses { self.address(address) }
        endArray()
    }

    /// An address as a string value, or null.
    mutating func address(_ address: TransportAddress?) {
        guard let address else { null(); return }
        guard case .v4(let value) = address.endpoint.address else { string(address.description); return }
        let port = address.endpoint.port, transport = address.transport
        // "255.255.255.255:65535/sctp" is 26 bytes at most; written in place (an octet's four-byte
        // store needs no more room than that).
        unescapedString(upTo: 26) { text in
            var count = 0
            Self.putOctet(value >> 24, UInt8(ascii: "."), into: text, at: &count)
            Self.putOctet(value >> 16 & 0xff, UInt8(ascii: "."), into: text, at: &count)
            Self.putOctet(value >> 8 & 0xff, UInt8(ascii: "."), into: text, at: &count)
            Self.putOctet(value & 0xff, UInt8(ascii: ":"), into: text, at: &count)
            Self.put(UInt32(port), UInt8(ascii: "/"), into: text, at: &count)
            Self.transportName(transport).withUTF8Buffer { name in
                for byte in name {
                    text[count] = byte
                    count += 1
                }
            }
            return count
        }
    }

    /// Writes the digits of `number`, then `separator`, at `count` (no captured state: a nested
    /// function capturing `count` paid an exclusivity check per byte).
    private static func put(_ number: UInt32, _ separator: UInt8, into text: UnsafeMutablePointer<UInt8>,
                            at count: inout Int) {
        count += writeDecimal(UInt(number), to: text + count)
        text[count] = separator
        count += 1
    }

    /// The text of every octet, "0" to "255": its digits in the low bytes, their count in the top one.
    private static let octetTexts: [UInt32] = (0...255).map { octet in
        let digits = Array(String(octet).utf8)
        return digits.enumerated().reduce(UInt32(digits.count) << 24) { word, digit in
            word | UInt32(digit.element) << (8 * digit.offset)
        }
    }

    /// Writes the digits of an address octet, then `separator`, at `count`: one table load and one
    /// four-byte store (the digits and a byte the separator or later text overwrites; the
    /// buffer has room), where dividing digit by digit cost some forty instructions an octet.
    private static func putOctet(_ octet: UInt32, _ separator: UInt8, into text: UnsafeMutablePointer<UInt8>,
                                 at count: inout Int) {
        let word = octetTexts[Int(octet & 0xff)]
        UnsafeMutableRawPointer(text + count).storeBytes(of: word.littleEndian, as: UInt32.self)
        count += Int(word >> 24)
        text[count] = separator
        count += 1
    }

    /// `TransportProtocol.rawValue` without building a String.
    private static func transportName(_ transport: TransportProtocol) -> StaticString {
        switch transport {
        case .udp: "udp"
        case .tcp: "tcp"
        case .tls: "tls"
        case .sctp: "sctp"
        case .ws: "ws"
        case .wss: "wss"
        }
    }
}
