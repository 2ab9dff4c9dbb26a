@testable import Dialogs
import Testing

@Test func smallMapBehavesAsADictionaryBelowAndAboveItsLimit() {
    var map = SmallMap<String, Int>()
    let count = SmallMap<String, Int>.limit + 5
    for number in 0..<count { map["k\(number)"] = number }
    map["k1"] = 100  // overwrite after the switch to hashing
    for number in 0..<count where number != 1 { #expect(map["k\(number)"] == number) }
    #expect(map["k1"] == 100 && map["missing"] == nil)
    map["k2"] = nil
    #expect(map["k2"] == nil)

    var small = SmallMap<String, Int>()
    small["a"] = 1; small["b"] = 2; small["a"] = 3; small["b"] = nil
    #expect(small["a"] == 3 && small["b"] == nil)
}

@Test func smallMapModifiesValuesInPlaceBelowAndAboveItsLimit() {
    var map = SmallMap<String, [Int]>()
    let count = SmallMap<String, [Int]>.limit + 5
    for number in 0..<count {
        map.modify("k\(number % 3)", default: []) { $0.append(number) }  // three keys: stays small
    }
    #expect(map["k0"] == Array(stride(from: 0, to: count, by: 3)) && map["k2"]?.first == 2)
    for number in 0..<count { map.modify("n\(number)", default: [-1]) { $0.append(number) } }  // now hashed
    map.modify("k1", default: []) { $0.append(100) }
    #expect(map["n7"] == [-1, 7] && map["k1"]?.last == 100)
    #expect(map.values.count == 3 + count && map.values.flatMap { $0 }.contains(100))
    var small = SmallMap<String, Int>()
    small["a"] = 1
    small.modify("b", default: 5) { $0 += 1 }
    #expect(small.values.sorted() == [1, 6])
}

@Test func smallMapKeepsItsEntriesWhenTheFirstIsRemoved() {
    var map = SmallMap<String, Int>()
    map["a"] = 1; map["b"] = 2; map["c"] = 3
    map["a"] = nil
    #expect(map["a"] == nil && map["b"] == 2 && map["c"] == 3 && map.values.sorted() == [2, 3])
    map.modify("c", default: 0) { $0 += 10 }
    map["a"] = 4
    #expect(map["c"] == 13 && map["a"] == 4)
    map["b"] = nil; map["c"] = nil; map["a"] = nil
    #expect(map.values.isEmpty && map["a"] == nil)
}
