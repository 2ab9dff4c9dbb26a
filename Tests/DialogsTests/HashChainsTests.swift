@testable import Dialogs
import Testing

@Test func hashChainsYieldEveryItemWithTheHashOldestFirst() {
    var chains = HashChains(capacity: 4)
    // More items than the capacity, and hashes that share a bucket, still chain correctly.
    let hashes = [5, 13, 5, 21, 5, 13, 7, 5 + 1024, 5]
    for hash in hashes { chains.append(hash: hash) }
    #expect(chains.count == hashes.count)
    var found: [Int] = []
    chains.forEach(hash: 5) { found.append($0); return true }
    #expect(found == [0, 2, 4, 8])
    #expect(chains.first(hash: 13) { $0 > 1 } == 5)
    #expect(chains.first(hash: 99) { _ in true } == nil)
    found = []
    chains.forEach(hash: 5) { found.append($0); return found.count < 2 }
    #expect(found == [0, 2])
}

@Test func anEmptyHashChainsTakesItemsLater() {
    var chains = HashChains(capacity: 0)
    #expect(chains.first(hash: 3) { _ in true } == nil)
    for hash in 0..<20 { chains.append(hash: hash % 5) }
    var found: [Int] = []
    chains.forEach(hash: 3) { found.append($0); return true }
    #expect(found == [3, 8, 13, 18])
}

@Test func keyHashOfAnASCIIStringIsThatOfItsBytes() {
    // Small (in-line) and heap Strings, and one from a substring: all read in place.
    for text in ["", "abc", "1234567890abcde", "3f2a9c41-1ab7-4c55-9d0e-77ab12cd34ef", String("x-tag-0123456789abcdef".dropFirst(2))] {
        #expect(KeyHash.string(text) == Array(text.utf8).withUnsafeBytes(KeyHash.bytes), "\(text)")
    }
}

@Test func keyHashesAgreeForEqualKeys() {
    #expect(KeyHash.string("INVITE") == KeyHash.string(String("xINVITE".dropFirst())))
    #expect(KeyHash.string("z9hG4bK-1-0") != KeyHash.string("z9hG4bK-2-0"))
    // Strings equal by canonical equivalence hash alike, as Swift's own String hashing does.
    let equalPairs = [("\u{212A}ey;\u{37E}", "Key;;"), ("caf\u{E9}", "cafe\u{301}"), ("\u{1FEF}a", "`a")]
    for (a, b) in equalPairs {
        #expect(a == b && KeyHash.string(a) == KeyHash.string(b), "\(a)")
        #expect(CallKey(a) == CallKey(b) && CallKey(a).hashValue == CallKey(b).hashValue)
    }
    let a = ViaKey(rawValue: "SIP/2.0/UDP Proxy.Example:5060;branch=z9hG4bK1")
    let b = ViaKey(rawValue: "SIP/2.0/TCP proxy.example:5060 ; branch=z9hG4bK1")
    #expect(a == b && a.branchHash == b.branchHash)
}

@Test func hashChainsAgreeScannedAndBucketed() {
    // Below the scanning limit, across it, and bucketed from the start: the same answers.
    let hashes = (0..<50).map { ($0 * 7) % 5 + ($0 % 3 == 0 ? 1024 : 0) }
    for capacity in [0, 4, HashChains.linearLimit, 64] {
        var chains = HashChains(capacity: capacity)
        for (item, hash) in hashes.enumerated() {
            chains.append(hash: hash)
            for probe in Set(hashes) {
                var found: [Int] = []
                chains.forEach(hash: probe) { found.append($0); return true }
                #expect(found == (0...item).filter { hashes[$0] == probe }, "capacity \(capacity), item \(item)")
            }
        }
    }
}

@Test func byteComparisonAndHashSeeEveryByte() {
    // Lengths around the eight-byte steps, a difference at every position: never equal, and
    // (these inputs) never hashed alike.
    for count in 0...20 {
        let bytes = (0..<count).map { UInt8(0x41 + $0) }
        bytes.withUnsafeBytes { a in
            #expect(KeyHash.sameBytes(a, 0, a, 0, count: count))
            for position in 0..<count {
                var other = bytes
                other[position] ^= 0x20
                other.withUnsafeBytes { b in
                    #expect(!KeyHash.sameBytes(a, 0, b, 0, count: count), "\(count) \(position)")
                    #expect(KeyHash.bytes(a) != KeyHash.bytes(b), "\(count) \(position)")
                }
            }
        }
    }
}
