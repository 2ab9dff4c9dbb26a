import Capture
import Testing
@testable import Transport

/// One direction's sequencing, driven directly.
@Suite struct TCPByteStreamTests {
    typealias F = StreamFixture

    private struct Driver {
        var stream = TCPByteStream(flow: F.toServer, framing: .default)
        var limits = TCPReassembler.Limits.default
        var payloads: [SIPPayload] = []
        var problems: [DecodeProblem] = []
        var frame = 0

        mutating func send(_ bytes: [UInt8], _ sequence: UInt32, flags: TCPFlags = [.ack], at seconds: Double = 0) {
            frame += 1
            let segment = TCPSegment(flow: F.toServer, sequence: sequence, flags: flags, payload: bytes[...],
                                     frame: frame, time: F.time(seconds))
            stream.receive(segment, limits: limits, emit: { payloads.append($0.payload()) }, problem: { problems.append($0) })
        }
    }

    @Test func synSetsTheNextSequenceNumberAcrossTheWrap() {
        var driver = Driver()
        driver.send([], UInt32.max, flags: [.syn])
        #expect(driver.stream.initialSequence == UInt32.max)
        #expect(driver.stream.nextSequence == 0)
        driver.send(F.request(), 0)
        #expect(driver.stream.nextSequence == UInt32(F.request().count))
        #expect(driver.payloads.count == 1)
    }

    @Test func pendingDataIsAccountedAndReleased() {
        var driver = Driver()
        driver.send([], 0, flags: [.syn])
        let message = F.request()
        driver.send(Array(message[100...]), 101)
        driver.send(Array(message[50..<100]), 51)
        #expect(driver.stream.pending.count == 2)
        #expect(driver.stream.pendingBytes == message.count - 50)
        driver.send(Array(message[..<50]), 1)
        #expect(driver.stream.pending.isEmpty && driver.stream.pendingBytes == 0)
        #expect(driver.payloads.map(\.bytes) == [message])
        #expect(driver.stream.deliveredBytes == message.count)
    }

    @Test func overlappingOutOfOrderCopyFillsOnlyTheHolesBetweenPendingData() {
        var driver = Driver()
        driver.send([], 0, flags: [.syn])
        let message = F.request(body: String(repeating: "z", count: 100))
        driver.send(Array(message[40..<60]), 41)
        driver.send(Array(message[80..<100]), 81)
        // One segment spanning both pending chunks and the holes around them.
        driver.send(Array(message[30..<120]), 31)
        #expect(driver.stream.pendingBytes == 90)
        #expect(driver.stream.pending.count == 5)
        driver.send(message, 1)  // the whole message again: overlaps pending data with the same bytes
        #expect(driver.payloads.map(\.bytes) == [message])
        #expect(driver.problems.isEmpty)
    }

    @Test func finClosesOnlyOnceTheDataBeforeItArrived() {
        var driver = Driver()
        driver.send([], 0, flags: [.syn])
        let message = F.request()
        driver.send(Array(message[60...]), 61, flags: [.ack, .fin])
        #expect(!driver.stream.isClosed)
        driver.send(Array(message[..<60]), 1)
        #expect(driver.stream.isClosed)
        #expect(driver.payloads.map(\.bytes) == [message])
    }

    @Test func holeIsGivenUpWhenTheReceiverAcknowledgedIt() {
        var driver = Driver()
        driver.send([], 0, flags: [.syn])
        driver.send(F.request(cseq: 2), 1001)
        driver.stream.acknowledged(900, now: F.time(1), emit: { driver.payloads.append($0.payload()) },
                                   problem: { driver.problems.append($0) })
        #expect(driver.payloads.isEmpty)  // the ACK stops short of the buffered data: the hole may still fill
        driver.stream.acknowledged(1001 + UInt32(F.request(cseq: 2).count), now: F.time(1),
                                   emit: { driver.payloads.append($0.payload()) }, problem: { driver.problems.append($0) })
        #expect(driver.payloads.map(\.bytes) == [F.request(cseq: 2)])
        #expect(driver.problems.map(\.kind) == [.tcpGap])
        #expect(driver.problems.first?.frame == 2)
    }

    @Test func hugeJumpIsADiscontinuityNotAHole() {
        var driver = Driver()
        driver.send(F.request(cseq: 1), 5)
        driver.send(F.request(cseq: 2), 5 &+ 0x7000_0000)
        #expect(driver.payloads.map(\.bytes) == [F.request(cseq: 1), F.request(cseq: 2)])
        #expect(driver.problems.map(\.kind) == [.tcpGap])
        #expect(driver.stream.pending.isEmpty)
    }

    @Test func nonSIPStreamIsFollowedWithoutBuffering() {
        var driver = Driver()
        driver.stream = TCPByteStream(flow: F.toServer, framing: .init(maxUnconfirmedBytes: 100))
        driver.send([], 0, flags: [.syn])
        driver.send(Array(repeating: 0x16, count: 300), 1)
        #expect(driver.stream.framer.isIgnoring)
        driver.send(Array(repeating: 0x17, count: 50), 501)
        #expect(driver.stream.pending.isEmpty)
        #expect(driver.problems.isEmpty)
    }
}
