@testable import Dialogs
import Testing

@Test func smallSetBehavesAsASetBelowAndAboveItsLimit() {
    var set = SmallSet<String>()
    #expect(set.isEmpty)
    let count = SmallSet<String>.limit * 2
    for round in 0..<2 {
        for number in 0..<count { set.insert("tag\(number)") }  // the second round inserts duplicates
        #expect(set.contains("tag0") && set.contains("tag\(count - 1)") && !set.contains("tag\(count)"), "round \(round)")
    }
    var seen = 0
    #expect(set.allSatisfy { _ in seen += 1; return true } && seen == count)
    for number in 0..<count { set.remove("tag\(number)") }
    #expect(set.isEmpty)

    var small = SmallSet<Int>()
    small.insert(1); small.insert(2); small.insert(1)
    small.remove(1)
    #expect(!small.contains(1) && small.contains(2) && !small.allSatisfy { $0 == 1 })
}

@Test func smallSetKeepsItsElementsWhenTheFirstIsRemoved() {
    var set = SmallSet<String>()
    for tag in ["a", "b", "c"] { set.insert(tag) }
    set.remove("a")
    #expect(!set.contains("a") && set.contains("b") && set.contains("c") && !set.isEmpty)
    set.insert("a")
    set.remove("b"); set.remove("c")
    #expect(set.contains("a") && !set.contains("b"))
    set.remove("a")
    #expect(set.isEmpty && set.allSatisfy { _ in false })
}
