/// A growable run of bytes written at its end, for `JSONWriter`.
///
/// An array append is a generic call that checks uniqueness and capacity; a dialog record is a
/// few hundred small appends (keys, commas, quotes), which made that bookkeeping a large part of
/// writing it. Here an append is a capacity compare and a store. Noncopyable: it owns its memory.
struct ByteBuffer: ~Copyable {
    private var start: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    /// Bytes written.
    private(set) var count = 0

    init(capacity: Int) {
        self.capacity = max(64, capacity)
        start = .allocate(capacity: self.capacity)
    }

    deinit { start.deallocate() }

    /// Makes room for `extra` more bytes.
    @inline(__always)
    mutating func reserve(_ extra: Int) {
        if extra > capacity - count { grow(to: count + extra) }
    }

    private mutating func grow(to needed: Int) {
        var newCapacity = capacity * 2
        while newCapacity < needed { newCapacity *= 2 }
        let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        moved.moveInitialize(from: start, count: count)
        start.deallocate()
        start = moved
        capacity = newCapacity
    }

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        reserve(1)
        start[count] = byte
        count += 1
    }

    /// Appends `length` bytes from `source`: short runs (keys, numbers) byte by byte, which is
    /// cheaper than a call to `memcpy`, longer ones with it.
    @inline(__always)
    mutating func append(_ source: UnsafePointer<UInt8>, count length: Int) {
        reserve(length)
        if length <= 16 {
            for index in 0..<length { start[count + index] = source[index] }
        } else {
            (start + count).update(from: source, count: length)
        }
        count += length
    }

    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress else { return }
        append(source, count: bytes.count)
    }

    /// Appends a literal (pointer representation: every literal in this module).
    @inline(__always)
    mutating func append(_ text: StaticString) {
        if text.hasPointerRepresentation {
            append(text.utf8Start, count: text.utf8CodeUnitCount)
        } else {
            text.withUTF8Buffer { append($0) }
        }
    }

    /// Appends `"name":` for a literal key: one capacity check for the whole key.
    @inline(__always)
    mutating func appendKey(_ name: StaticString) {
        let length = name.utf8CodeUnitCount
        reserve(length + 3)
        let target = start + count
        target[0] = UInt8(ascii: "\"")
        if name.hasPointerRepresentation {
            let source = name.utf8Start
            for index in 0..<length { target[1 + index] = source[index] }
        } else {
            name.withUTF8Buffer { source in for index in 0..<length { target[1 + index] = source[index] } }
        }
        target[length + 1] = UInt8(ascii: "\"")
        target[length + 2] = UInt8(ascii: ":")
        count += length + 3
    }

    /// Lends room for `extra` more bytes to `body`, which writes some and returns how many to
    /// keep (0 leaves the buffer as it was).
    @inline(__always)
    mutating func appendInPlace(upTo extra: Int, _ body: (UnsafeMutablePointer<UInt8>) -> Int) {
        reserve(extra)
        count += body(start + count)
    }

    /// Lends the bytes written so far.
    func withBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        try body(UnsafeBufferPointer(start: start, count: count))
    }
}
