/// A Call-ID with its `KeyHash`, computed once per message when its facts are read (on the
/// reading thread with `--threads 2`): the tracker's tables then hash one integer per look-up
/// instead of the Call-ID's bytes.
///
/// It points into the message's bytes (shared, not copied) instead of holding a String: every
/// message has a Call-ID, and making each a String (most are longer than the 15 bytes a String
/// holds inline) cost an allocation and a free per message. The call makes its String once.
///
/// The range is held as 32-bit offsets: every held message keeps its key.
struct CallKey: Hashable, Sendable {
    private let storage: [UInt8]
    let hash: Int
    private let start: UInt32, end: UInt32
    /// Whether every byte is ASCII: then equal keys have equal bytes.
    private let isASCII: Bool

    private var range: Range<Int> { Int(start)..<Int(end) }

    init(_ callID: String) {
        let bytes = Array(callID.utf8)
        self.init(storage: bytes, range: 0..<bytes.count)
    }

    /// The Call-ID at `range` in `storage` (a message's bytes, or an unfolded copy of the value).
    init(storage: [UInt8], range: Range<Int>) {
        // Beyond 32-bit offsets (no real message): the value's own bytes, from offset 0.
        let (storage, range) = range.upperBound <= UInt32.max ? (storage, range) : storage[range].ownBytes
        self.storage = storage
        (start, end) = (UInt32(truncatingIfNeeded: range.lowerBound), UInt32(truncatingIfNeeded: range.upperBound))
        let (hash, isASCII) = storage.withUnsafeBytes { KeyHash.asciiBytes(UnsafeRawBufferPointer(rebasing: $0[range])) }
        self.isASCII = isASCII
        // Strings compare by canonical equivalence: a non-ASCII Call-ID hashes as its String does.
        self.hash = isASCII ? hash : KeyHash.string(String(decoding: storage[range], as: UTF8.self))
    }

    /// The Call-ID as a String, as `SIPMessage.callID` reads it.
    var callID: String { String(decoding: storage[range], as: UTF8.self) }

    /// The same key holding only its own bytes, not the whole message's (for keys kept after the
    /// call is gone).
    var detached: CallKey {
        let bytes = Array(storage[range])
        return CallKey(storage: bytes, range: 0..<bytes.count)
    }

    /// Equal when the Call-ID Strings are equal (byte equality only where both are ASCII).
    /// Inlined: the tracker's table compares the key of every message's call with it.
    @inline(__always)
    static func == (left: CallKey, right: CallKey) -> Bool {
        guard left.hash == right.hash else { return false }
        guard left.isASCII && right.isASCII else { return left.callID == right.callID }
        guard left.range.count == right.range.count else { return false }
        return left.storage.withUnsafeBytes { l in
            right.storage.withUnsafeBytes { r in
                KeyHash.sameBytes(l, left.range.lowerBound, r, right.range.lowerBound, count: left.range.count)
            }
        }
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(hash)
    }
}
