extension ArraySlice<UInt8> {
    /// The bytes copied into an array of their own, with the range they fill there: for keys
    /// that hold 32-bit offsets into a message's bytes, when an offset would not fit.
    var ownBytes: (bytes: [UInt8], range: Range<Int>) {
        let own = Array(self)
        return (own, 0..<own.count)
    }
}
