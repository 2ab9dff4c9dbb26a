@testable import Dialogs
import Testing

@Test func filledEqualsArrayRepeating() {
    for count in [0, 1, 7, 8, 100] {
        #expect([Int].filled(-1, count: count) == Array(repeating: -1, count: count))
        #expect([Bool].filled(false, count: count) == Array(repeating: false, count: count))
        #expect([Int].filled(-1, count: count).capacity >= count)
    }
}
