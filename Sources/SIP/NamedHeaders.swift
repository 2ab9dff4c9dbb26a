/// The headers of one name in a message, in wire order: what `SIPMessage.headers(named:)` gives.
///
/// Read from the message's table while iterated, so walking the Route fields of a message
/// allocates nothing (where `headers.filter` would build every header's view first).
public struct NamedHeaders: Sequence, IteratorProtocol, Sendable {
    @usableFromInline let table: [HeaderEntry]
    /// The message bytes, for comparing unknown names.
    @usableFromInline let bytes: [UInt8]
    @usableFromInline let name: HeaderName
    @usableFromInline var index = 0

    @inlinable
    init(_ table: [HeaderEntry], _ bytes: [UInt8], _ name: HeaderName) {
        self.table = table
        self.bytes = bytes
        self.name = name
    }

    /// The next header named `name`, or nil after the last.
    @inlinable
    public mutating func next() -> HeaderEntry? {
        while index < table.count {
            let h = table[index]
            index += 1
            if h.code == name.code, name.code != 0 || SIPMessage.hasUnknown(h, name, bytes) { return h }
        }
        return nil
    }
}
