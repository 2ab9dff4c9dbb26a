import Capture
@testable import Dialogs
import Testing

@Test func callTableFindsEveryCallAfterInsertionsAndRemovals() {
    // Enough calls to grow the table several times and to share buckets, removed in an order
    // that leaves holes in the middle of probe runs.
    let keys = (0..<300).map { CallKey("call-\($0)@host") }
    var table = CallTable()
    var records: [CallRecord] = []
    for key in keys {
        #expect(table[key] == nil)
        let record = CallRecord(key: key, time: .zero)
        table.insert(record)
        records.append(record)
    }
    #expect(table.count == keys.count && table.calls.count == keys.count)
    var removed = Set<Int>()
    for index in Array(stride(from: 0, to: keys.count, by: 3)) + Array(stride(from: 1, to: keys.count, by: 7)) where !removed.contains(index) {
        table.remove(records[index])
        removed.insert(index)
        #expect(table[keys[index]] == nil)
    }
    for (index, key) in keys.enumerated() {
        #expect((table[key] === records[index]) == !removed.contains(index), "\(index)")
    }
    #expect(table.count == keys.count - removed.count)
    // A record that is not held is not removed, nor is another with the same Call-ID.
    table.remove(CallRecord(key: keys[2], time: .zero))
    #expect(table[keys[2]] === records[2] && table.count == keys.count - removed.count)
}
