import Capture
import Testing
@testable import Transport

@Suite struct SIPStreamFramerTests {
    typealias F = StreamFixture

    @Test func oneMessageInOneChunk() {
        var harness = FramerHarness()
        let message = F.request(body: "v=0\r\n")
        harness.append(message)
        #expect(harness.messages == [message])
        #expect(harness.payloads.first?.frames == [1])
        #expect(harness.payloads.first?.flow == F.toServer)
        #expect(harness.payloads.first?.time == F.time(1))
        #expect(harness.problems.isEmpty)
    }

    @Test func severalMessagesInOneChunk() {
        var harness = FramerHarness()
        let messages = [F.request(cseq: 1, body: "abc"), F.response(cseq: 1), F.request("INFO", cseq: 2, body: "x")]
        harness.append(messages.flatMap { $0 })
        #expect(harness.messages == messages)
        #expect(harness.payloads.map(\.frames) == [[1], [1], [1]])
        #expect(harness.problems.isEmpty)
    }

    @Test func oneMessageOverManyChunksByteByByte() {
        var harness = FramerHarness()
        let message = F.request(body: "hello body\r\n\r\nwith an empty line inside")
        for byte in message { harness.append([byte]) }
        #expect(harness.messages == [message])
        #expect(harness.payloads.first.map { Array($0.frames) } == Array(1...message.count))
        #expect(harness.payloads.first?.time == F.time(Double(message.count)))
        #expect(harness.framer.bufferedBytes == 0)
    }

    @Test func chunkCarryingTheEndOfOneMessageAndTheStartOfTheNext() {
        var harness = FramerHarness()
        let first = F.request(cseq: 1, body: "one"), second = F.request(cseq: 2, body: "two")
        let stream = first + second
        harness.append(Array(stream[..<20]))
        harness.append(Array(stream[20..<(first.count + 10)]))
        harness.append(Array(stream[(first.count + 10)...]))
        #expect(harness.messages == [first, second])
        #expect(harness.payloads.map(\.frames) == [[1, 2], [2, 3]])
    }

    @Test(arguments: ["Content-Length", "l", "CONTENT-LENGTH", "content-length ", "L", "Content-Length\t"])
    func contentLengthForms(_ name: String) {
        var harness = FramerHarness()
        let message = F.request(body: "0123456789", lengthHeader: name)
        harness.append(message + F.response())
        #expect(harness.messages == [message, F.response()])
        #expect(harness.problems.isEmpty)
    }

    @Test func foldedContentLengthValue() {
        // RFC 3261 7.3.1: a header value may continue on lines starting with whitespace.
        var harness = FramerHarness()
        let message = Array("MESSAGE sip:x SIP/2.0\r\nContent-Length:\r\n   \t 4\r\nCSeq: 1 MESSAGE\r\n\r\nbody".utf8)
        harness.append(message + F.response())
        #expect(harness.messages == [message, F.response()])
        #expect(harness.problems.isEmpty)
    }

    @Test func messageWithoutContentLengthHasAnEmptyBody() {
        var harness = FramerHarness()
        let first = Array("OPTIONS sip:x SIP/2.0\r\nCSeq: 1 OPTIONS\r\n\r\n".utf8)
        let second = F.response()
        harness.append(first + second)
        #expect(harness.messages == [first, second])
    }

    @Test func lineFeedOnlyLineEndings() {
        var harness = FramerHarness()
        let message = Array("MESSAGE sip:x SIP/2.0\nl: 2\n\nhi".utf8)
        harness.append(message + F.response())
        #expect(harness.messages == [message, F.response()])
    }

    @Test func keepAlivesAreSkipped() {
        var harness = FramerHarness()
        harness.append("\r\n\r\n")
        harness.append(F.request(cseq: 1) + Array("\r\n\r\n\r\n".utf8))
        harness.append("\r\n")
        harness.append(F.request(cseq: 2))
        #expect(harness.messages == [F.request(cseq: 1), F.request(cseq: 2)])
        #expect(harness.problems.isEmpty)
        #expect(harness.framer.bufferedBytes == 0)
    }

    @Test(arguments: ["-5", "five", "12abc", "99999999999999999999", "2000000"])
    func bogusContentLengthIsCountedAndResynchronised(_ value: String) {
        var harness = FramerHarness()
        harness.append(F.request(cseq: 1))
        let bad = Array("INFO sip:x SIP/2.0\r\nContent-Length: \(value)\r\n\r\nbody bytes\r\n".utf8)
        harness.append(bad + F.request(cseq: 2))
        #expect(harness.messages == [F.request(cseq: 1), F.request(cseq: 2)])
        #expect(harness.count(.malformedSIP) == 1)
        #expect(harness.problems.first?.frame == 2)
    }

    @Test func oversizedHeaderSectionIsCountedAndResynchronised() {
        var harness = FramerHarness(limits: .init(maxHeaderBytes: 300))
        harness.append(F.request(cseq: 1))
        var huge = Array("INFO sip:x SIP/2.0\r\n".utf8)
        for index in 0..<40 { huge += Array("X-Filler-\(index): some filler text\r\n".utf8) }
        for chunk in stride(from: 0, to: huge.count, by: 100) { harness.append(Array(huge[chunk..<min(chunk + 100, huge.count)])) }
        harness.append(Array("\r\n".utf8) + F.request(cseq: 2))
        #expect(harness.messages == [F.request(cseq: 1), F.request(cseq: 2)])
        #expect(harness.count(.malformedSIP) == 1)
        #expect(harness.framer.bufferedBytes < 400)
    }

    @Test func garbageBetweenMessagesIsCountedOnce() {
        var harness = FramerHarness()
        harness.append(F.request(cseq: 1))
        harness.append("this is not SIP\r\nnor is this\r\n")
        harness.append("still garbage\r\n" + String(decoding: F.request(cseq: 2), as: UTF8.self))
        #expect(harness.messages == [F.request(cseq: 1), F.request(cseq: 2)])
        #expect(harness.count(.malformedSIP) == 1)
        #expect(harness.problems.first?.frame == 2)
    }

    @Test func leadingBytesOfAStreamJoinedMidMessageAreSkippedQuietly() {
        var harness = FramerHarness()
        harness.append("tail of a body we never saw\r\nmore\r\n" + String(decoding: F.request(), as: UTF8.self))
        #expect(harness.messages == [F.request()])
        #expect(harness.problems.isEmpty)
    }

    @Test func streamThatNeverShowsSIPIsIgnored() {
        var harness = FramerHarness(limits: .init(maxUnconfirmedBytes: 1000))
        for _ in 0..<20 { harness.append(Array(repeating: 0x41, count: 99) + [0x0a]) }
        #expect(harness.framer.isIgnoring)
        #expect(harness.framer.bufferedBytes == 0)
        harness.append(F.request())
        harness.finish()
        #expect(harness.payloads.isEmpty)
        #expect(harness.problems.isEmpty)
    }

    @Test func endOfStreamInsideABodyIsTruncated() {
        var harness = FramerHarness()
        let message = F.request(body: "a body of some length")
        harness.append(Array(message.dropLast(5)))
        harness.finish()
        #expect(harness.payloads.isEmpty)
        #expect(harness.count(.truncated) == 1)
        #expect(harness.framer.bufferedBytes == 0)
    }

    @Test func gapDropsThePartialMessageAndResynchronises() {
        var harness = FramerHarness()
        let first = F.request(cseq: 1, body: "first body"), second = F.request(cseq: 2), third = F.request(cseq: 3)
        harness.append(Array(first.prefix(30)))
        harness.framer.skipGap()
        // The bytes after the hole start inside the second message.
        harness.append(Array(second.dropFirst(10)) + third)
        #expect(harness.messages == [third])
        #expect(harness.count(.malformedSIP) == 0)  // the stream had not shown SIP yet
        harness.framer.skipGap()
        harness.append(Array(second.dropFirst(10)) + third)
        #expect(harness.messages == [third, third])
        #expect(harness.count(.malformedSIP) == 1)
        #expect(harness.problems.first?.frame == 3)
    }

    @Test func gapAtAMessageBoundaryLosesNothingElse() {
        var harness = FramerHarness()
        harness.append(F.request(cseq: 1))
        harness.framer.skipGap()
        harness.append(F.request(cseq: 3))
        #expect(harness.messages == [F.request(cseq: 1), F.request(cseq: 3)])
        #expect(harness.problems.isEmpty)
    }

    @Test func bodyThatLooksLikeSIPStaysInItsMessage() {
        var harness = FramerHarness()
        let inner = String(decoding: F.response(), as: UTF8.self)
        let message = F.request("NOTIFY", body: inner)
        harness.append(message)
        #expect(harness.messages == [message])
    }
}

extension SIPStreamFramerTests {
    @Test func unfinishedHTTPOnAStreamThatNeverShowedSIPIsNotAProblem() {
        var harness = FramerHarness()
        harness.append("GET /index.html HTTP/1.1\r\nHost: 127.0.2.2\r\n")
        harness.finish()
        #expect(harness.problems.isEmpty)
    }
}
