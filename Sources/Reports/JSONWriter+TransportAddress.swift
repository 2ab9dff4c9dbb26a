import Dialogs
import Transport

extension JSONWriter {
    /// `"key":"ip:port/transport"`, the text of `TransportAddress.description`. Every request
    /// record carries two: an IPv4 address is written digit by digit (the interpolated
    /// `description` costs thousands of instructions), anything else through `description`.
    mutating func field(_ name: StaticString, address: TransportAddress?) {
        key(name)
        guard let address else { null(); return }
        guard case .v4(let value) = address.endpoint.address else { string(address.description); return }
        unescapedString { bytes in
            Self.appendDecimal(UInt(value >> 24), to: &bytes)
            bytes.append(UInt8(ascii: "."))
            Self.appendDecimal(UInt(value >> 16 & 0xff), to: &bytes)
            bytes.append(UInt8(ascii: "."))
            Self.appendDecimal(UInt(value >> 8 & 0xff), to: &bytes)
            bytes.append(UInt8(ascii: "."))
            Self.appendDecimal(UInt(value & 0xff), to: &bytes)
            bytes.append(UInt8(ascii: ":"))
            Self.appendDecimal(UInt(address.endpoint.port), to: &bytes)
            bytes.append(UInt8(ascii: "/"))
            Self.transportName(address.transport).withUTF8Buffer { bytes.append(contentsOf: $0) }
        }
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
