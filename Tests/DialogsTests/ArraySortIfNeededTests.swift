@testable import Dialogs
import Testing

@Test func sortIfNeededSortsAsSortDoesAndLeavesOrderedArraysAlone() {
    // Pairs ordered by their first element only: ties show that the order of equals is kept.
    let cases: [[(Int, String)]] = [[], [(1, "a")], [(1, "a"), (1, "b"), (2, "c")], [(2, "a"), (1, "b"), (1, "c"), (0, "d")],
                                    [(3, "a"), (1, "b"), (3, "c"), (1, "d")]]
    for elements in cases {
        var sorted = elements, skipped = elements
        sorted.sort { $0.0 < $1.0 }
        skipped.sortIfNeeded { $0.0 < $1.0 }
        #expect(skipped.map(\.1) == sorted.map(\.1))
        #expect(skipped.map(\.0) == sorted.map(\.0))
    }
}
