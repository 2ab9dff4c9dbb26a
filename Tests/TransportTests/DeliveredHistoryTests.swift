import Capture
import Testing
@testable import Transport

@Suite struct DeliveredHistoryTests {
    func chunk(_ sequence: UInt32, _ text: String, frame: Int) -> TCPByteStream.Chunk {
        TCPByteStream.Chunk(sequence: sequence, bytes: Array(text.utf8)[...], frame: frame, fileIndex: 0,
                            time: CaptureTime(seconds: Int64(frame), nanoseconds: 0))
    }

    @Test func keepsTheLastTwoChunksOldestFirst() {
        var history = DeliveredHistory()
        history.remember(chunk(100, "first", frame: 1))
        history.remember(chunk(105, "second", frame: 2))
        history.remember(chunk(111, "third", frame: 3))
        #expect(history.entries.map(\.frame) == [2, 3])
        #expect(history.entries.map { String(decoding: $0.bytes, as: UTF8.self) } == ["second", "third"])
        #expect(history.previous?.sequence == 105 && history.last?.sequence == 111)
    }

    @Test func rememberedBytesAreCopiesNotTheCallersBuffer() {
        var history = DeliveredHistory()
        var scratch = Array("hello".utf8)
        history.remember(TCPByteStream.Chunk(sequence: 1, bytes: scratch[...], frame: 1, fileIndex: 0, time: .zero))
        scratch[0] = UInt8(ascii: "j")
        #expect(history.last.map { String(decoding: $0.bytes, as: UTF8.self) } == "hello")
    }

    @Test func reusedBufferHoldsOnlyTheNewChunk() {
        var history = DeliveredHistory()
        history.remember(chunk(1, "a much longer first chunk", frame: 1))
        history.remember(chunk(26, "b", frame: 2))
        history.remember(chunk(27, "cd", frame: 3))  // reuses the first chunk's buffer
        #expect(history.last.map { String(decoding: $0.bytes, as: UTF8.self) } == "cd")
        #expect(history.entries.map(\.chunk.bytes.count) == [1, 2])
    }

    @Test func removeAllForgetsBoth() {
        var history = DeliveredHistory()
        history.remember(chunk(1, "x", frame: 1))
        history.removeAll()
        #expect(history.entries.isEmpty && history.last == nil)
    }
}
