/// Where recently used connections sit in `TCPReassembler`'s table, in a few slots chosen by a
/// cheap fold of the endpoint pair: a segment of one of the connections active at the moment is
/// found without hashing its key (the dictionary's SipHash costs hundreds of instructions, and
/// segments of many connections interleave, so remembering only the last one is not enough).
///
/// A dictionary index stays valid until a key is added or removed: the owner calls `removeAll()`
/// whenever it adds or removes a connection, which retires every slot at once (each slot records
/// the generation it was written in).
struct TCPLookupCache: Sendable {
    typealias Index = [TCPConnection.Key: TCPConnection].Index

    /// 1024 slots: few collisions among the connections active at one time.
    private static let slotBits = 10
    private var slots = [(key: TCPConnection.Key, index: Index, generation: Int)?](repeating: nil, count: 1 << slotBits)
    private var generation = 0

    /// The index remembered for `key`, if any.
    @inline(__always)
    func index(of key: TCPConnection.Key) -> Index? {
        guard let slot = slots[Self.slot(of: key)], slot.generation == generation, slot.key == key else { return nil }
        return slot.index
    }

    /// Remembers `index` for `key` (replacing whatever shared its slot).
    mutating func remember(_ key: TCPConnection.Key, at index: Index) {
        slots[Self.slot(of: key)] = (key, index, generation)
    }

    /// Forgets every index (the table gained or lost a key).
    mutating func removeAll() { generation += 1 }

    @inline(__always)
    private static func slot(of key: TCPConnection.Key) -> Int {
        // Multiplied after each field: clients whose address and port both count up (as load
        // generators' do) must not cancel out.
        let golden: UInt64 = 0x9E37_79B9_7F4A_7C15
        var mixed = fold(key.low.address) &* golden
        mixed = (mixed ^ fold(key.high.address)) &* golden
        mixed = (mixed ^ (UInt64(key.low.port) << 16 | UInt64(key.high.port))) &* golden
        return Int(truncatingIfNeeded: mixed >> UInt64(64 - slotBits))
    }

    @inline(__always)
    private static func fold(_ address: IPAddress) -> UInt64 {
        switch address {
        case .v4(let value): UInt64(value)
        case .v6(let high, let low): high ^ low
        }
    }
}
