/// Item numbers bucketed by a precomputed hash (`KeyHash`): the exact-key look-ups of one call's
/// assembly (a few dozen messages) without a `Dictionary` per key type, and still constant time
/// for a call at the 2,000-message limit.
///
/// Chained in the order added, so a look-up yields items oldest first (as the arrays of a
/// `[Key: [Int]]` grouping would hold them). The caller compares the full key; equal hashes are
/// only a hint.
struct HashChains {
    /// Per bucket, its first and last item + 1 (0: empty).
    private var buckets: [(first: Int32, last: Int32)]
    /// Per item, its hash and the next item of its bucket + 1 (0: none).
    private var items: [(hash: Int, next: Int32)] = []
    private var mask: Int

    /// A table for up to about `capacity` items (more still work, in longer chains). With
    /// capacity 0 it allocates nothing until the first item comes.
    init(capacity: Int) {
        guard capacity > 0 else {
            buckets = []
            mask = 0
            return
        }
        var size = 8
        while size < 2 * capacity { size *= 2 }
        buckets = .filled((0, 0), count: size)
        mask = size - 1
        items.reserveCapacity(capacity)
    }

    /// How many items were added.
    var count: Int { items.count }

    /// Adds the next item (numbered from 0 in the order added) with its key's hash.
    mutating func append(hash: Int) {
        if buckets.isEmpty {
            buckets = .filled((0, 0), count: 8)
            mask = 7
        }
        let bucket = hash & mask
        items.append((hash, 0))
        let link = Int32(truncatingIfNeeded: items.count)
        let last = Int(buckets[bucket].last)
        if last == 0 { buckets[bucket].first = link } else { items[last - 1].next = link }
        buckets[bucket].last = link
    }

    /// Calls `body` with each item whose hash is `hash`, oldest first, until it returns false.
    @inline(__always)
    func forEach(hash: Int, _ body: (Int) -> Bool) {
        guard !buckets.isEmpty else { return }
        var link = Int(buckets[hash & mask].first)
        while link != 0 {
            let item = link - 1
            if items[item].hash == hash && !body(item) { return }
            link = Int(items[item].next)
        }
    }

    /// The first item with hash `hash` that `matches`.
    @inline(__always)
    func first(hash: Int, where matches: (Int) -> Bool) -> Int? {
        var found: Int?
        forEach(hash: hash) { item in
            if matches(item) { found = item; return false }
            return true
        }
        return found
    }
}
