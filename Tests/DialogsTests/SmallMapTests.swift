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
