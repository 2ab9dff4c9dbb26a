/// The tracker's open calls by Call-ID: an open-addressing table on the hash each `CallKey`
/// carries, so that the look-up every message makes hashes nothing and compares keys only when
/// their hashes match (a `Dictionary` ran SipHash over the hash and compared, copying, the key
/// of every occupied slot it probed).
struct CallTable {
    /// Linear probing; nil marks an empty slot. The count is kept at most half the size.
    private var slots: [CallRecord?]
    private var mask: Int
    private(set) var count = 0

    init() {
        slots = .filled(nil, count: 16)
        mask = 15
    }

    /// The open call with this Call-ID.
    subscript(key: CallKey) -> CallRecord? {
        var index = key.hash & mask
        while let call = slots[index] {
            if call.key.hash == key.hash && call.key == key { return call }
            index = (index + 1) & mask
        }
        return nil
    }

    /// Adds a call whose Call-ID is not in the table.
    mutating func insert(_ call: CallRecord) {
        if 2 * (count + 1) > slots.count { grow() }
        var index = call.key.hash & mask
        while slots[index] != nil { index = (index + 1) & mask }
        slots[index] = call
        count += 1
    }

    /// Removes the call (the same record) if the table holds it.
    mutating func remove(_ call: CallRecord) {
        var index = call.key.hash & mask
        while let held = slots[index] {
            if held === call { break }
            index = (index + 1) & mask
        }
        guard slots[index] != nil else { return }
        // Backward-shift deletion: move up every later record of the run that may sit at the hole.
        var hole = index
        var next = (hole + 1) & mask
        while let moving = slots[next] {
            let home = moving.key.hash & mask
            // `moving` may fill the hole unless its home lies cyclically in (hole, next].
            if (next - home) & mask >= (next - hole) & mask {
                slots[hole] = moving
                hole = next
            }
            next = (next + 1) & mask
        }
        slots[hole] = nil
        count -= 1
    }

    /// Every open call, in no particular order.
    var calls: [CallRecord] { slots.compactMap { $0 } }

    private mutating func grow() {
        let old = slots
        slots = .filled(nil, count: old.count * 2)
        mask = slots.count - 1
        for case let call? in old {
            var index = call.key.hash & mask
            while slots[index] != nil { index = (index + 1) & mask }
            slots[index] = call
        }
    }
}
