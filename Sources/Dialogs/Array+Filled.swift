extension Array {
    /// `Array(repeating: value, count: count)`, allocated through the specialised growth path.
    ///
    /// The standard initialiser allocates through a runtime function that is not specialised
    /// for the element type and looks its storage class up each time (about 600 instructions per
    /// array on Linux); assembly makes a handful of such per-copy tables for every call.
    static func filled(_ value: Element, count: Int) -> [Element] {
        var array: [Element] = []
        array.reserveCapacity(count)
        for _ in 0..<count { array.append(value) }
        return array
    }
}
