/// Item numbers bucketed by a precomputed hash (`KeyHash`): the exact-key look-ups of one call's
/// assembly (a few dozen messages) without a `Dictionary` per key type, and still constant time
/// for a call at the 2,000-message limit.
///
/// Up to `linearLimit` items it keeps no buckets and scans the items' hashes (most calls: a
/// dozen messages, and a bucket table cost more to allocate and fill than the scans); beyond, it
/// chains each bucket's items in the order added. Either way a look-up yields items oldest first
/// (as the arrays of a `[Key: [Int]]` grouping would hold them). The caller compares the full
/// key; equal hashes are only a hint.
struct HashChains {
    /// Up to this many items, no buckets.
    static var linearLimit: Int { 16 }

    /// Per bucket, its first and last item + 1 (0: empty); empty while the items are scanned.
    private var buckets: [(first: Int32, last: Int32)] = []
    /// Per item, its hash and the next item of its bucket + 1 (0: none).
    private var items: [(hash: Int, next: Int32)] = []
    private var mask = 0

    /// A table for up to about `capacity` items (more still work). With capacity 0 it allocates
    /// nothing until the first item comes.
    init(capacity: Int) {
        guard capacity > 0 else { return }
        items.reserveCapacity(capacity)
        if capacity > Self.linearLimit { makeBuckets(capacity) }
    }

    /// How many items were added.
    var count: Int { items.count }

    /// Adds the next item (numbered from 0 in the order added) with its key's hash.
    mutating func append(hash: Int) {
        items.append((hash, 0))
        if buckets.isEmpty {
            if items.count > Self.linearLimit { makeBuckets(items.count) }
            return
        }
        link(items.count - 1)
    }

    /// Calls `body` with each item whose hash is `hash`, oldest first, until it returns false.
    @inline(__always)
    func forEach(hash: Int, _ body: (Int) -> Bool) {
        if buckets.isEmpty {
            for item in items.indices where items[item].hash == hash {
                if !body(item) { return }
            }
            return
        }
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

    /// Buckets for about `capacity` items, with the items so far chained in order.
    private mutating func makeBuckets(_ capacity: Int) {
        var size = 8
        while size < 2 * capacity { size *= 2 }
        buckets = .filled((0, 0), count: size)
        mask = size - 1
        for item in items.indices {
            items[item].next = 0
            link(item)
        }
    }

    /// Chains `item` at the end of its bucket.
    private mutating func link(_ item: Int) {
        let bucket = items[item].hash & mask
        let link = Int32(truncatingIfNeeded: item + 1)
        let last = Int(buckets[bucket].last)
        if last == 0 { buckets[bucket].first = link } else { items[last - 1].next = link }
        buckets[bucket].last = link
    }
}
