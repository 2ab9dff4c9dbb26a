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
        asciiBytes(bytes).hash
    }

    /// `bytes(_:)`, and whether every byte is ASCII (found in the same pass).
    static func asciiBytes(_ bytes: UnsafeRawBufferPointer) -> (hash: Int, isASCII: Bool) {
        var hash = bytes.count
        var high: UInt64 = 0
        var index = 0
        while index + 8 <= bytes.count {
            let word = bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            high |= word
            hash = mix(hash, Int(bitPattern: UInt(word)))
            index += 8
        }
        var tail = 0
        if index < bytes.count && bytes.count >= 8 {
            // The last eight bytes, overlapping those already read: one load, not a byte loop.
            let word = bytes.loadUnaligned(fromByteOffset: bytes.count - 8, as: UInt64.self)
            high |= word
            tail = Int(bitPattern: UInt(word))
        } else {
            while index < bytes.count {
                high |= UInt64(bytes[index])
                tail = tail << 8 | Int(bytes[index])
                index += 1
            }
        }
        return (mix(hash, tail), high & 0x8080_8080_8080_8080 == 0)
    }

    /// A String's hash, equal for equal Strings (method names, Call-IDs, tags). Swift compares
    /// Strings by canonical equivalence, so bytes alone would not do: an ASCII String hashes its
    /// bytes (the usual case, one pass); one whose every scalar is ASCII or one of the three with
    /// an ASCII canonical decomposition (U+037E `;`, U+1FEF `` ` ``, U+212A `K`) hashes the ASCII
    /// String it equals; any other cannot equal an ASCII String and takes `String.hashValue`.
    static func string(_ text: String) -> Int {
        // The bytes in place (no copy of the String to make it mutable), when contiguous.
        if let (hash, isASCII) = text.utf8.withContiguousStorageIfAvailable({ asciiBytes(UnsafeRawBufferPointer($0)) }),
           isASCII {
            return hash
        }
        var mapped: [UInt8] = []
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0..<0x80: mapped.append(UInt8(scalar.value))
            case 0x37E: mapped.append(UInt8(ascii: ";"))
            case 0x1FEF: mapped.append(UInt8(ascii: "`"))
            case 0x212A: mapped.append(UInt8(ascii: "K"))
            default: return text.hashValue
            }
        }
        return mapped.withUnsafeBytes(bytes)
    }

    /// Whether `count` bytes from `left` at `leftStart` equal those from `right` at `rightStart`,
    /// compared eight at a time.
    static func sameBytes(_ left: UnsafeRawBufferPointer, _ leftStart: Int,
                          _ right: UnsafeRawBufferPointer, _ rightStart: Int, count: Int) -> Bool {
        guard count > 0, let lBase = left.baseAddress, let rBase = right.baseAddress else { return count <= 0 }
        let (a, b) = (lBase + leftStart, rBase + rightStart)
        var offset = 0
        while offset + 8 <= count {
            guard a.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                    == b.loadUnaligned(fromByteOffset: offset, as: UInt64.self) else { return false }
            offset += 8
        }
        if offset < count && count >= 8 {
            // The last eight bytes, overlapping those already compared.
            return a.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
                == b.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
        }
        while offset < count {
            guard a.load(fromByteOffset: offset, as: UInt8.self) == b.load(fromByteOffset: offset, as: UInt8.self) else {
                return false
            }
            offset += 1
        }
        return true
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
