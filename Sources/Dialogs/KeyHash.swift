import SIP
import Transport

/// Cheap 64-bit hashes of what the copy graph and the assembler match messages on (Via branch,
/// method, CSeq, sender and receiver), computed once per message instead of running SipHash over
/// Strings on every dictionary look-up.
///
/// Only for bucketing one call's messages (`HashChains`): equal keys must hash equal, collisions
/// only cost a comparison. Not seeded, so not meant for tables an attacker could flood beyond the
/// per-call message limit.
enum KeyHash {
    private static let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15

    /// Mixes `value` into `hash` so that every input bit reaches the low bits (buckets use them).
    @inline(__always)
    static func mix(_ hash: Int, _ value: Int) -> Int {
        var x = UInt64(bitPattern: Int64(hash ^ value)) &* multiplier
        x ^= x >> 31
        return Int(bitPattern: UInt(x))
    }

    /// The bytes, read eight at a time.
    static func bytes(_ bytes: UnsafeRawBufferPointer) -> Int {
        var hash = bytes.count
        var index = 0
        while index + 8 <= bytes.count {
            hash = mix(hash, Int(bitPattern: UInt(bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self))))
            index += 8
        }
        var tail = 0
        while index < bytes.count {
            tail = tail << 8 | Int(bytes[index])
            index += 1
        }
        return mix(hash, tail)
    }

    /// A String's UTF-8 bytes (method names, tags: short, read once per message or call).
    static func string(_ text: String) -> Int {
        var text = text
        return text.withUTF8 { bytes(UnsafeRawBufferPointer($0)) }
    }

    /// Address, port and transport.
    static func address(_ address: TransportAddress) -> Int {
        var hash = Int(address.endpoint.port) << 8 | transportCode(address.transport)
        switch address.endpoint.address {
        case .v4(let value):
            hash = mix(hash, Int(value))
        case .v6(let high, let low):
            hash = mix(mix(hash, Int(bitPattern: UInt(high))), Int(bitPattern: UInt(low)))
        }
        return hash
    }

    private static func transportCode(_ transport: TransportProtocol) -> Int {
        switch transport {
        case .udp: 1
        case .tcp: 2
        case .tls: 3
        case .sctp: 4
        case .ws: 5
        case .wss: 6
        }
    }
}
