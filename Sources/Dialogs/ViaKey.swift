/// What identifies one Via value for transaction and hop matching: its branch and sent-by.
///
/// Other parameters are left out on purpose: a proxy adds `received`/`rport` to the Via it
/// received before forwarding (RFC 3261 18.2.1, RFC 3581), so the second Via of the outgoing copy
/// differs from the incoming top Via in those only.
///
/// Every Via of every message becomes one, so it keeps no Strings: it points into the message's
/// bytes (shared, not copied) and compares and hashes them there. The two ranges are held as
/// 32-bit offsets: every held message keeps two keys, and this makes each 32 bytes instead of 48.
struct ViaKey: Hashable, Sendable {
    private let storage: [UInt8]
    /// `KeyHash` of the branch, computed once: the copy graph and the assembler bucket every
    /// copy and response by it.
    let branchHash: Int
    private let branchStart: UInt32, branchEnd: UInt32
    private let sentByStart: UInt32, sentByEnd: UInt32

    private var branchRange: Range<Int> { Int(branchStart)..<Int(branchEnd) }
    private var sentByRange: Range<Int> { Int(sentByStart)..<Int(sentByEnd) }

    /// From one Via value as on the wire, e.g. `SIP/2.0/UDP 10.0.0.1:5060;rport;branch=z9hG4bK1`:
    /// sent-by is what follows the protocol up to the first `;`, the branch the value of the
    /// `branch` parameter (names case-insensitive, RFC 3261 7.3.1).
    init(rawValue text: String) {
        let bytes = Array(text.utf8)
        self.init(storage: bytes, value: 0..<bytes.count)
    }

    /// The Via value at `value` in `storage` (a message's bytes, or an unfolded copy of a value),
    /// read in one pass.
    init(storage: [UInt8], value: Range<Int>) {
        // Beyond 32-bit offsets (no real message): the value's own bytes, from offset 0.
        let (storage, value) = value.upperBound <= UInt32.max ? (storage, value) : storage[value].ownBytes
        self.storage = storage
        let ranges: (Range<Int>, Range<Int>) = storage.withUnsafeBufferPointer { bytes in
            let semicolon = ByteSearch.first(UInt8(ascii: ";"), in: bytes, from: value.lowerBound, to: value.upperBound)
            // "SIP / 2.0 / UDP host:port": sent-by is the last blank-separated token before the first `;`.
            var tokenEnd = semicolon
            while tokenEnd > value.lowerBound, Self.isBlank(bytes[tokenEnd - 1]) { tokenEnd -= 1 }
            let tokenStart = Self.afterLastBlank(bytes, from: value.lowerBound, to: tokenEnd)
            var index = semicolon
            while index < value.upperBound {
                // At a `;`: read the parameter name (case-insensitive, blanks allowed around it).
                var nameStart = index + 1
                while nameStart < value.upperBound, Self.isBlank(bytes[nameStart]) { nameStart += 1 }
                // Plain index loops, not slices: every Via of every message comes here. The name
                // is tested before looking for `=` or the next `;` (a `;` before the `=` fails
                // the test as the end of the piece would), and the value's end is searched from
                // the `=`: the branch is usually the first parameter.
                if let equals = Self.equalsAfterBranch(bytes, from: nameStart, to: value.upperBound) {
                    let next = ByteSearch.first(UInt8(ascii: ";"), in: bytes, from: equals + 1, to: value.upperBound)
                    var start = equals + 1, end = next
                    while start < end, Self.isBlank(bytes[start]) { start += 1 }
                    while end > start, Self.isBlank(bytes[end - 1]) { end -= 1 }
                    return (tokenStart..<tokenEnd, start..<end)
                }
                index = ByteSearch.first(UInt8(ascii: ";"), in: bytes, from: nameStart, to: value.upperBound)
            }
            return (tokenStart..<tokenEnd, value.upperBound..<value.upperBound)
        }
        // Within `value`, so within 32 bits (checked above).
        (sentByStart, sentByEnd) = (UInt32(truncatingIfNeeded: ranges.0.lowerBound), UInt32(truncatingIfNeeded: ranges.0.upperBound))
        (branchStart, branchEnd) = (UInt32(truncatingIfNeeded: ranges.1.lowerBound), UInt32(truncatingIfNeeded: ranges.1.upperBound))
        branchHash = storage.withUnsafeBytes { KeyHash.bytes(UnsafeRawBufferPointer(rebasing: $0[ranges.1])) }
    }

    /// The branch parameter's value, as written ("" when there is none).
    var branch: String { String(decoding: storage[branchRange], as: UTF8.self) }

    /// `host[:port]`, lowercased.
    var sentBy: String { String(decoding: storage[sentByRange], as: UTF8.self).lowercased() }

    /// Inlined up to the usual answer (branches and sent-by written alike, or different
    /// branches): the copy graph and the assembler compare Vias for every copy and response.
    @inline(__always)
    static func == (left: ViaKey, right: ViaKey) -> Bool {
        guard left.branchHash == right.branchHash, left.branchRange.count == right.branchRange.count else { return false }
        return left.storage.withUnsafeBufferPointer { l in
            right.storage.withUnsafeBufferPointer { r in
                guard Self.sameBytes(l, left.branchRange, r, right.branchRange) else { return false }
                // Usually written alike: then equal without case mapping.
                if Self.sameBytes(l, left.sentByRange, r, right.sentByRange) { return true }
                return sameSentBy(l, left, r, right)
            }
        }
    }

    /// Whether the sent-by values are equal, lowercased (they are not written alike).
    @inline(never)
    private static func sameSentBy(_ l: UnsafeBufferPointer<UInt8>, _ left: ViaKey,
                                   _ r: UnsafeBufferPointer<UInt8>, _ right: ViaKey) -> Bool {
        let (a, b) = (l[left.sentByRange], r[right.sentByRange])
        var isASCII = true
        if a.count == b.count {
            for (x, y) in zip(a, b) {
                guard x < 0x80 && y < 0x80 else { isASCII = false; break }
                if Self.lowercase(x) != Self.lowercase(y) { return false }
            }
            if isASCII { return true }
        } else if a.allSatisfy({ $0 < 0x80 }) && b.allSatisfy({ $0 < 0x80 }) {
            return false
        }
        return left.sentBy == right.sentBy  // Unicode case mapping, as lowercased Strings compare
    }

    /// Hashes the branch only (equal keys have equal branches); `==` also compares sent-by.
    func hash(into hasher: inout Hasher) {
        hasher.combine(branchHash)
    }

    /// Whether the two ranges hold the same bytes.
    private static func sameBytes(_ l: UnsafeBufferPointer<UInt8>, _ left: Range<Int>,
                                  _ r: UnsafeBufferPointer<UInt8>, _ right: Range<Int>) -> Bool {
        left.count == right.count && KeyHash.sameBytes(UnsafeRawBufferPointer(l), left.lowerBound,
                                                       UnsafeRawBufferPointer(r), right.lowerBound, count: left.count)
    }

    private static func lowercase(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
    }

    private static func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }

    /// When `bytes[from..<to]` starts with `branch` (any case), blanks, then `=`: the index of
    /// that `=` (the first in the range, as no letter of `branch` is one); else nil.
    @inline(__always)
    private static func equalsAfterBranch(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int? {
        guard to - from > 6, let base = bytes.baseAddress else { return nil }
        // Six bytes as two words, each byte's case bit set ("bran" and "ch" little-endian): as
        // testing `byte | 0x20` one byte at a time.
        let raw = UnsafeRawPointer(base + from)
        guard UInt32(littleEndian: raw.loadUnaligned(as: UInt32.self)) | 0x2020_2020 == 0x6E61_7262,
              UInt16(littleEndian: raw.loadUnaligned(fromByteOffset: 4, as: UInt16.self)) | 0x2020 == 0x6863
        else { return nil }
        var index = from + 6
        while index < to, isBlank(bytes[index]) { index += 1 }
        return index < to && bytes[index] == UInt8(ascii: "=") ? index : nil
    }

    /// The index just after the last blank in `bytes[from..<to]`, or `from`: sent-by's start.
    /// Eight bytes at a time from the end (a host and port is one or two words), the last blank
    /// of a word read off its bits; a range shorter than a word is the buffer's word ending at
    /// `to`, the bytes before `from` masked off.
    @inline(__always)
    private static func afterLastBlank(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int {
        var end = to
        if let base = bytes.baseAddress {
            while end - from >= 8 {
                let blanks = Self.blanks(in: UnsafeRawPointer(base + end - 8))
                // The highest flagged byte is the last blank (exact test: no false flags).
                if blanks != 0 { return end - blanks.leadingZeroBitCount >> 3 }
                end -= 8
            }
            if end > from && end >= 8 {
                let blanks = Self.blanks(in: UnsafeRawPointer(base + end - 8)) & ~0 << UInt64((8 - (end - from)) * 8)
                return blanks != 0 ? end - blanks.leadingZeroBitCount >> 3 : from
            }
        }
        while end > from, !isBlank(bytes[end - 1]) { end -= 1 }
        return end
    }

    /// The high bit of each blank byte among the eight at `pointer` set, and no other bit.
    @inline(__always)
    private static func blanks(in pointer: UnsafeRawPointer) -> UInt64 {
        let word = UInt64(littleEndian: pointer.loadUnaligned(as: UInt64.self)), ones: UInt64 = 0x0101_0101_0101_0101
        return ByteSearch.exactZeros(word ^ (ones &* 0x20)) | ByteSearch.exactZeros(word ^ (ones &* 0x09))
    }

    /// True when the branch carries the RFC 3261 magic cookie (else RFC 2543 matching applies).
    var isRFC3261: Bool { storage[branchRange].starts(with: "z9hG4bK".utf8) }
}
