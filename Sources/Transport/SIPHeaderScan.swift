#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One pass over a header section arriving on a byte stream: finds the empty line that ends it
/// and reads the Content-Length (or compact `l`) on the way, line by line. When the section is
/// not complete yet it stops at the last whole line and resumes there once more bytes arrived, so
/// a section split over segments is not rescanned from its start.
///
/// Gives what `SIPHeaderSection.findEnd` and `SIPHeaderSection.contentLength` give for the whole
/// section, in one pass instead of two and looking only at fields whose name can match.
struct SIPHeaderScan: Sendable {
    /// Stream offset of the next line to look at (a header line, never the start line).
    private(set) var next: Int
    /// The first Content-Length field, once read: kept as plain numbers (-1: none yet, -2: not a
    /// number) so that the scan, and the framer state holding it, copy without reference counting.
    private var length = -1
    /// A line beginning with a CR not followed by LF ends the fields as `forEachField` reads
    /// them, though not the section.
    private var fieldsEnded = false

    /// A scan of the header lines from stream offset `firstLine` (just past the start line).
    init(firstLine: Int) { next = firstLine }

    /// Scans `bytes`, the stream bytes from offset `base` on; returns the stream offset just past
    /// the empty line when the section is complete, nil when more bytes are needed.
    mutating func scan(_ bytes: UnsafeBufferPointer<UInt8>, base: Int, maxValue: Int) -> Int? {
        guard let start = bytes.baseAddress else { return nil }
        let count = bytes.count
        var line = next - base
        while line < count {
            let first = bytes[line]
            if first == 0x0a { return base + line + 1 }
            if first == 0x0d {
                guard line + 1 < count else { break }
                if bytes[line + 1] == 0x0a { return base + line + 2 }
                fieldsEnded = true
            }
            guard let found = memchr(start + line, 0x0a, count - line) else { break }
            let lf = start.distance(to: found.assumingMemoryBound(to: UInt8.self))
            if length == -1, !fieldsEnded, Self.mayBeContentLength(bytes, line, lf) {
                // "c" or "l": maybe Content-Length. Its value may continue on folded lines, so the
                // byte after each line end must have arrived to know where the value ends.
                guard let end = logicalLineEnd(bytes, lf) else { break }
                switch Self.contentLength(bytes, line..<end, maxValue: maxValue) {
                case .value(let value)?: length = value
                case .invalid?: length = -2
                case .absent?, nil: break
                }
            }
            line = lf + 1
        }
        next = base + line
        return nil
    }

    /// A cheap first test of the line `bytes[line..<lf]`: "Content-Length" ("c" and "l" at 0 and 8;
    /// Call-ID, Contact, CSeq and Content-Type fail it) or compact "l".
    @inline(__always)
    private static func mayBeContentLength(_ bytes: UnsafeBufferPointer<UInt8>, _ line: Int, _ lf: Int) -> Bool {
        switch bytes[line] | 0x20 {
        case 0x63: lf - line > 14 && bytes[line + 8] | 0x20 == 0x6c
        case 0x6c: true
        default: false
        }
    }

    /// The Content-Length of the complete header `section` this scan went over (`scan` returned
    /// its end). Why a value is invalid is read again from the section: that is the rare case.
    func contentLength(of section: UnsafeBufferPointer<UInt8>, maxValue: Int) -> SIPHeaderSection.ContentLength {
        switch length {
        case -1: .absent
        case -2: SIPHeaderSection.contentLength(section, maxValue: maxValue)
        default: .value(length)
        }
    }

    /// `SIPHeaderSection.equalsIgnoringCase` against "content-length" and "l" (the same test:
    /// every byte ORed with 0x20), with the long name compared as two eight-byte words.
    @inline(__always)
    private static func isContentLengthName(_ bytes: UnsafeBufferPointer<UInt8>, _ name: Range<Int>) -> Bool {
        switch name.count {
        case 1: return bytes[name.lowerBound] | 0x20 == UInt8(ascii: "l")
        case 14:
            let raw = UnsafeRawBufferPointer(bytes)
            let lower: UInt64 = 0x2020_2020_2020_2020
            let head = raw.loadUnaligned(fromByteOffset: name.lowerBound, as: UInt64.self) | lower
            let tail = raw.loadUnaligned(fromByteOffset: name.lowerBound + 6, as: UInt64.self) | lower
            return head == contentDash && tail == tDashLength
        default: return false
        }
    }

    /// "content-" and "t-length" as little-endian words (x86-64 and arm64 are little-endian).
    private static let contentDash = word("content-")
    private static let tDashLength = word("t-length")

    private static func word(_ text: StaticString) -> UInt64 {
        var value: UInt64 = 0
        for index in (0..<8).reversed() { value = value << 8 | UInt64(text.utf8Start[index]) }
        return UInt64(littleEndian: value)
    }

    /// The end of the logical line whose first physical line ends at `lf` (folded continuation
    /// lines included, RFC 3261 7.3.1); nil when the bytes that decide it have not arrived.
    private func logicalLineEnd(_ bytes: UnsafeBufferPointer<UInt8>, _ lf: Int) -> Int? {
        var end = lf
        while true {
            guard end + 1 < bytes.count else { return nil }
            guard bytes[end + 1] == 0x20 || bytes[end + 1] == 0x09 else { return end }
            guard let next = SIPHeaderSection.index(of: 0x0a, in: bytes, from: end + 1, to: bytes.count) else {
                return nil
            }
            end = next
        }
    }

    /// The Content-Length the field on `line` gives, or nil when it is another field.
    private static func contentLength(_ bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>,
                                      maxValue: Int) -> SIPHeaderSection.ContentLength? {
        guard let colon = SIPHeaderSection.index(of: UInt8(ascii: ":"), in: bytes, from: line.lowerBound,
                                                 to: line.upperBound) else { return nil }
        var nameEnd = colon
        while nameEnd > line.lowerBound, bytes[nameEnd - 1] == 0x20 || bytes[nameEnd - 1] == 0x09 { nameEnd -= 1 }
        guard isContentLengthName(bytes, line.lowerBound..<nameEnd) else { return nil }
        return SIPHeaderSection.parseLength(bytes, (colon + 1)..<line.upperBound, maxValue: maxValue)
    }
}
