/// The headers of one name in a message, in wire order: what `SIPMessage.headers(named:)` gives.
///
/// Read from the message's table while iterated, so walking the Route fields of a message
/// allocates nothing (where `headers.filter` would build every header's view first).
public struct NamedHeaders: Sequence, IteratorProtocol, Sendable {
    private let message: SIPMessage
    private let name: HeaderName
    private var index = 0

    init(_ message: SIPMessage, _ name: HeaderName) {
        self.message = message
        self.name = name
    }

    /// The next header named `name`, or nil after the last.
    public mutating func next() -> HeaderEntry? {
        let table = message.table
        while index < table.count {
            let h = table[index]
            index += 1
            if message.has(h, name) { return h }
        }
        return nil
    }
}
