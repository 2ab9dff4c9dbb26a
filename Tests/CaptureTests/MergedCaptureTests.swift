import Foundation
import Testing
@testable import Capture

@Suite struct MergedCaptureTests {
    typealias W = CaptureFileWriter

    func file(_ seconds: [UInt32], marker: UInt8, in directory: URL) throws -> String {
        let packets = seconds.map { W.Packet(seconds: $0, subseconds: 0, bytes: [marker]) }
        return try W.write(W.pcap(packets), to: directory.appendingPathComponent("\(marker).pcap"))
    }

    @Test func mergesInCaptureTimeOrderKeepingNumbersAndFileIndex() throws {
        let directory = try W.temporaryDirectory()
        let a = try file([10, 30, 50], marker: 1, in: directory)
        let b = try file([20, 30, 40], marker: 2, in: directory)
        let merged = try MergedCapture(paths: [a, b])
        var order: [String] = []
        while let frame = merged.next() { order.append("\(frame.fileIndex):\(frame.number)@\(frame.time.seconds)") }
        // At equal times (30 s) the lower file index comes first.
        #expect(order == ["0:1@10", "1:1@20", "0:2@30", "1:2@30", "1:3@40", "0:3@50"])
        #expect(merged.readErrors.isEmpty)
    }

    @Test func aFileThatFailsPartWayDoesNotStopTheOthers() throws {
        let directory = try W.temporaryDirectory()
        let good = try file([1, 2, 3], marker: 1, in: directory)
        let packets = [1, 2, 3].map { W.Packet(seconds: $0, subseconds: 0, bytes: [9, 9, 9, 9]) }
        let cut = try W.write(Array(W.pcap(packets).dropLast(2)), to: directory.appendingPathComponent("cut.pcap"))
        let merged = try MergedCapture(paths: [good, cut])
        var count = 0
        while merged.withNextPacket({ _ in true }) != nil { count += 1 }
        #expect(count == 5)
        #expect(merged.readErrors.count == 1)
    }

    @Test func singleFileUsesTheBorrowedPath() throws {
        let directory = try W.temporaryDirectory()
        let merged = try MergedCapture(paths: [try file([1, 2], marker: 7, in: directory)])
        var bytes: [UInt8] = []
        while let first = merged.withNextPacket({ $0.bytes.first }) { bytes.append(first ?? 0) }
        #expect(bytes == [7, 7])
    }
}
