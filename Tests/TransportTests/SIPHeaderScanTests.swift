import Testing
@testable import Transport

@Suite struct SIPHeaderScanTests {
    /// Sections covering what the two-pass reading (findEnd, then contentLength) distinguishes.
    private static let sections = [
        "INVITE sip:b@x SIP/2.0\r\nVia: SIP/2.0/TCP x\r\nContent-Length: 12\r\nCSeq: 1 INVITE\r\n\r\nbody",
        "SIP/2.0 200 OK\r\nl:7\r\nContent-Length: 9\r\n\r\n",
        "A sip:x SIP/2.0\r\ncOnTeNt-LeNgTh \t:  3  \r\n\r\n",
        "A sip:x SIP/2.0\r\nContent-Length:\r\n  5\r\n\r\n",
        "A sip:x SIP/2.0\r\nContent-Type: a/b\r\nCall-ID: c\r\nContact: <sip:c>\r\n\r\n",
        "A sip:l:9 SIP/2.0\r\nl: 1\r\nContent-Length: 2\r\n\r\n",
        "A sip:x SIP/2.0\r\nContent-Length-X: 4\r\nll: 5\r\n\r\n",
        "A sip:x SIP/2.0\r\nContent-Length: 1x\r\n\r\n",
        "A sip:x SIP/2.0\nX: y\nContent-Length: 6\n\nbody",
        "A sip:x SIP/2.0\r\nX: y\r\n\rZ: w\r\nContent-Length: 8\r\n\r\n",
        "A sip:x SIP/2.0\r\n\r\n",
        "A sip:x SIP/2.0\r\nContent-Length: 99999999999999999999999\r\n\r\n",
    ]

    /// What the two-pass functions say about the whole of `bytes`.
    private func reference(_ bytes: [UInt8]) -> (end: Int, length: SIPHeaderSection.ContentLength)? {
        bytes.withUnsafeBufferPointer { buffer in
            guard case .found(let end) = SIPHeaderSection.findEnd(buffer, from: 0) else { return nil }
            let section = UnsafeBufferPointer(rebasing: buffer[..<end])
            return (end, SIPHeaderSection.contentLength(section, maxValue: 1 << 20))
        }
    }

    /// Scans `bytes` as a stream delivering them in pieces cut at `cuts`, resuming each time.
    private func scan(_ bytes: [UInt8], cuts: [Int]) -> (end: Int, length: SIPHeaderSection.ContentLength)? {
        let firstLine = (bytes.firstIndex(of: 0x0a) ?? bytes.count) + 1
        var scanner = SIPHeaderScan(firstLine: firstLine)
        for available in cuts + [bytes.count] where available >= firstLine {
            let found = bytes[..<available].withUnsafeBufferPointer { scanner.scan($0, base: 0, maxValue: 1 << 20) }
            guard let end = found else { continue }
            let length = bytes.withUnsafeBufferPointer {
                scanner.contentLength(of: UnsafeBufferPointer(rebasing: $0[..<end]), maxValue: 1 << 20)
            }
            return (end, length)
        }
        return nil
    }

    @Test func oneScanGivesWhatTheTwoPassesGive() throws {
        for text in Self.sections {
            let bytes = Array(text.utf8)
            let expected = try #require(reference(bytes), "\(text)")
            let found = try #require(scan(bytes, cuts: []), "\(text)")
            #expect(found.end == expected.end && found.length == expected.length, "\(text)")
        }
    }

    @Test func sectionCutAnywhereResumesToTheSameResult() throws {
        for text in Self.sections {
            let bytes = Array(text.utf8)
            let expected = try #require(reference(bytes))
            for cut in 1..<bytes.count {
                let found = try #require(scan(bytes, cuts: [cut]), "\(text) cut at \(cut)")
                #expect(found.end == expected.end && found.length == expected.length, "\(text) cut at \(cut)")
            }
            // Byte by byte, as the slowest stream would deliver it.
            let trickled = try #require(scan(bytes, cuts: Array(1..<bytes.count)))
            #expect(trickled.end == expected.end && trickled.length == expected.length, "\(text) byte by byte")
        }
    }

    @Test func incompleteSectionWaitsForMore() {
        let bytes = Array("A sip:x SIP/2.0\r\nContent-Length: 4\r\n".utf8)
        #expect(scan(bytes, cuts: []) == nil)
    }

    @Test func offsetsAreStreamOffsets() {
        // The framer hands over buffers that start later in the stream: `base` maps them.
        let bytes = Array("A sip:x SIP/2.0\r\nl: 2\r\n\r\n".utf8)
        var scanner = SIPHeaderScan(firstLine: 1000 + 17)
        let end = bytes.withUnsafeBufferPointer { scanner.scan($0, base: 1000, maxValue: 100) }
        #expect(end == 1000 + bytes.count)
        let length = bytes.withUnsafeBufferPointer { scanner.contentLength(of: $0, maxValue: 100) }
        #expect(length == .value(2))
    }
}
