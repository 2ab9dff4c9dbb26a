import Dialogs
import Transport

extension JSONWriter {
    /// `"key":"ip:port/transport"`, the text of `TransportAddress.description`. Every request
    /// record carries two: an IPv4 address is written digit by digit (the interpolated
    /// `description` costs thousands of instructions), anything else through `description`.
    mutating func field(_ name: String, address: TransportAddress?) {
        key(name)
        guard let address else { null(); return }
        guard case .v4(let value) = address.endpoint.address else { string(address.description); return }
        unescapedString { bytes in
            for shift in [24, 16, 8, 0] as [UInt32] {
                Self.appendDecimal(Int(value >> shift & 0xff), to: &bytes)
                bytes.append(shift == 0 ? UInt8(ascii: ":") : UInt8(ascii: "."))
            }
            Self.appendDecimal(Int(address.endpoint.port), to: &bytes)
            bytes.append(UInt8(ascii: "/"))
            bytes.append(contentsOf: address.transport.rawValue.utf8)
        }
    }
}
