import Testing
@testable import Transport

@Suite struct FrameNumbersTests {
    @Test func oneFrameIsACollectionOfOne() {
        let frames = FrameNumbers(7)
        #expect(frames.count == 1 && frames.first == 7 && frames.last == 7 && Array(frames) == [7])
    }

    @Test func appendingKeepsCaptureOrder() {
        var frames = FrameNumbers(3)
        for frame in [4, 9, 12, 20] { frames.append(frame) }
        #expect(Array(frames) == [3, 4, 9, 12, 20] && frames.count == 5 && frames[2] == 9)
    }

    @Test func equalListsAreEqualHoweverTheyWereBuilt() {
        var appended = FrameNumbers(5)
        appended.append(6)
        #expect(appended == [5, 6] && FrameNumbers([5, 6]) == appended)
        #expect(FrameNumbers([8]) == FrameNumbers(8) && FrameNumbers([8]).hashValue == FrameNumbers(8).hashValue)
        #expect(FrameNumbers([8]) != [8, 9] && FrameNumbers([]) != [0])
    }

    @Test func listBuiltFromEmptyEqualsTheLiteral() {
        var frames: FrameNumbers = []
        frames.append(4)
        #expect(frames == FrameNumbers(4) && Array(frames) == [4])
        frames.append(5)
        #expect(frames == [4, 5])
    }

    @Test func arrayOfEachInlineLengthListsTheFramesInOrder() {
        var frames: FrameNumbers = []
        #expect(Array(frames).isEmpty)
        for frame in [11, 3, 27, 8] {
            let before = Array(frames)
            frames.append(frame)
            #expect(Array(frames) == before + [frame] && ContiguousArray(frames) == ContiguousArray(before + [frame]))
        }
    }

    @Test func emptyListHasNoFrames() {
        let frames: FrameNumbers = []
        #expect(frames.isEmpty && frames.last == nil && frames.description == "[]")
    }
}

@Suite struct FrameNumbersSpillTests {
    @Test func moreThanFourFramesBehaveLikeAnArray() {
        var built = FrameNumbers()
        for frame in 1...9 { built.append(frame * 10) }
        #expect(Array(built) == Array(stride(from: 10, through: 90, by: 10)))
        #expect(built == FrameNumbers(Array(stride(from: 10, through: 90, by: 10))))
        #expect(built.hashValue == FrameNumbers(Array(stride(from: 10, through: 90, by: 10))).hashValue)
        #expect(built.containsFrame(50) && !built.containsFrame(55) && built.last == 90)
    }

    @Test func fourFramesStayInlineAndCompareWithLiterals() {
        var frames = FrameNumbers(1)
        for frame in 2...4 { frames.append(frame) }
        #expect(frames == [1, 2, 3, 4] && frames != [1, 2, 3] && frames != [1, 2, 3, 4, 5])
        #expect(frames.containsFrame(4) && !frames.containsFrame(5) && frames.description == "[1, 2, 3, 4]")
    }
}
