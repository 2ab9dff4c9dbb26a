/// A point in capture time, as the capture file or the kernel stamped it.
///
/// Kept as whole seconds plus nanoseconds so that pcap (microsecond) and pcapng / nanosecond
/// captures compare exactly; analysis never uses the wall clock.
public struct CaptureTime: Hashable, Comparable, Sendable {
    /// Seconds since the Unix epoch.
    public var seconds: Int64
    /// Nanoseconds within the second, `0..<1_000_000_000`.
    public var nanoseconds: Int32

    public init(seconds: Int64, nanoseconds: Int32) {
        self.seconds = seconds
        self.nanoseconds = nanoseconds
    }

    public static let zero = CaptureTime(seconds: 0, nanoseconds: 0)

    public static func < (lhs: CaptureTime, rhs: CaptureTime) -> Bool {
        (lhs.seconds, lhs.nanoseconds) < (rhs.seconds, rhs.nanoseconds)
    }

    /// This time moved by a (possibly negative) number of seconds.
    public func adding(seconds delta: Double) -> CaptureTime {
        let total = Double(seconds) + Double(nanoseconds) / 1e9 + delta
        let whole = total.rounded(.down)
        return CaptureTime(seconds: Int64(whole), nanoseconds: Int32(((total - whole) * 1e9).rounded()))
    }

    /// Seconds from `other` to `self` (positive when `self` is later).
    public func seconds(since other: CaptureTime) -> Double {
        Double(seconds - other.seconds) + Double(nanoseconds - other.nanoseconds) / 1e9
    }

    /// ISO 8601 in UTC with microseconds, e.g. `2026-11-27T07:29:46.123456Z`.
    public var iso8601: String {
        var bytes: [UInt8] = []
        appendISO8601(to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `iso8601`'s UTF-8 bytes: reports write one per request, and string
    /// interpolation made that a large part of writing them.
    public func appendISO8601(to bytes: inout [UInt8]) {
        var text: (UInt64, UInt64, UInt64, UInt32) = (0, 0, 0, 0)  // 28 bytes on the stack
        let written = withUnsafeMutableBytes(of: &text) { text in
            text.baseAddress.map { writeISO8601(to: $0) } ?? false
        }
        guard written else {
            let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
            let (year, month, day) = CaptureTime.civilDate(daysSinceEpoch: days)
            appendISO8601(year: year, month: month, day: day, secondOfDay: seconds - days * 86_400,
                          micros: Int64(nanoseconds) / 1000, to: &bytes)
            return
        }
        withUnsafeBytes(of: &text) { bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: $0[..<Self.iso8601Length])) }
    }

    /// The length of `iso8601` for the years 0 to 9999.
    @inlinable public static var iso8601Length: Int { 27 }

    /// Writes `iso8601`'s `iso8601Length` bytes at `target` and returns true when the year is 0
    /// to 9999 (every real capture); else writes nothing and returns false. For writers that
    /// keep their own buffer (a JSON record has one time per request): a fixed template, two
    /// digits at a time.
    public func writeISO8601(to target: UnsafeMutableRawPointer) -> Bool {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - days * 86_400
        let (year, month, day) = CaptureTime.civilDate(daysSinceEpoch: days)
        guard (0...9999).contains(year) else { return false }
        // The low six digits of the microseconds, as the template always showed them.
        let sixDigits = Int64(nanoseconds) / 1000 % 1_000_000
        let text = target.assumingMemoryBound(to: UInt8.self)
        /// Writes `value` (0...99) as two digits at `at`: one division for both, where a
        /// digit-by-digit loop over each field cost most of writing a time.
        func two(_ value: Int64, at: Int) {
            let tens = value / 10
            text[at] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: tens)
            text[at + 1] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: value &- tens &* 10)
        }
        two(year / 100, at: 0); two(year % 100, at: 2); text[4] = UInt8(ascii: "-")
        two(month, at: 5); text[7] = UInt8(ascii: "-")
        two(day, at: 8); text[10] = UInt8(ascii: "T")
        two(secondOfDay / 3600, at: 11); text[13] = UInt8(ascii: ":")
        two(secondOfDay / 60 % 60, at: 14); text[16] = UInt8(ascii: ":")
        two(secondOfDay % 60, at: 17); text[19] = UInt8(ascii: ".")
        two(sixDigits / 10_000, at: 20); two(sixDigits / 100 % 100, at: 22); two(sixDigits % 100, at: 24)
        text[26] = UInt8(ascii: "Z")
        return true
    }

    /// `appendISO8601` for a year outside 0...9999: zero-padded to four digits, or the
    /// decimal text of a negative year, as `iso8601` always wrote them.
    private func appendISO8601(year: Int64, month: Int64, day: Int64, secondOfDay: Int64, micros: Int64,
                               to bytes: inout [UInt8]) {
        func digits(_ value: Int64, _ width: Int) {
            let text = String(value)
            bytes.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: max(0, width - text.utf8.count)))
            bytes.append(contentsOf: text.utf8)
        }
        digits(year, 4); bytes.append(UInt8(ascii: "-"))
        digits(month, 2); bytes.append(UInt8(ascii: "-"))
        digits(day, 2); bytes.append(UInt8(ascii: "T"))
        digits(secondOfDay / 3600, 2); bytes.append(UInt8(ascii: ":"))
        digits(secondOfDay / 60 % 60, 2); bytes.append(UInt8(ascii: ":"))
        digits(secondOfDay % 60, 2); bytes.append(UInt8(ascii: "."))
        digits(micros, 6); bytes.append(UInt8(ascii: "Z"))
    }

    /// Days since 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's algorithm).
    private static func civilDate(daysSinceEpoch: Int64) -> (Int64, Int64, Int64) {
        let z = daysSinceEpoch + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
