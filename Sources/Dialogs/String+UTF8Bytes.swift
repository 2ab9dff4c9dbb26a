extension String {
    /// `String(decoding: bytes, as: UTF8.self)`, ill-formed UTF-8 repaired alike (each ill-formed
    /// sequence becomes U+FFFD): this initialiser measured about 60 instructions cheaper per tag,
    /// and every From and To tag of every message becomes a String.
    @inline(__always)
    init(utf8Bytes bytes: Slice<UnsafeBufferPointer<UInt8>>) {
        self.init(unsafeUninitializedCapacity: bytes.count) { buffer in
            // One memory copy, not an element-by-element copy from the slice.
            UnsafeMutableRawBufferPointer(buffer).copyMemory(from: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes)))
            return bytes.count
        }
    }
}
