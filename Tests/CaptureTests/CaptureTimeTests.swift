import Testing
@testable import Capture

@Suite struct CaptureTimeTests {
    @Test func formatsISO8601InUTC() {
        #expect(CaptureTime(seconds: 0, nanoseconds: 0).iso8601 == "1970-01-01T00:00:00.000000Z")
        #expect(CaptureTime(seconds: 1_795_850_986, nanoseconds: 123_456_789).iso8601
                == "2026-11-28T07:29:46.123456Z")
        #expect(CaptureTime(seconds: 951_782_400, nanoseconds: 0).iso8601 == "2000-02-29T00:00:00.000000Z")
        // The ends of the fixed four-digit form.
        #expect(CaptureTime(seconds: 253_402_300_799, nanoseconds: 999_999_999).iso8601 == "9999-12-31T23:59:59.999999Z")
        #expect(CaptureTime(seconds: -62_167_219_200, nanoseconds: 1_000).iso8601 == "0000-01-01T00:00:00.000001Z")
    }

    @Test func everyTwoDigitFieldKeepsItsTensAndUnits() {
        #expect(CaptureTime(seconds: 1_254_737_348, nanoseconds: 70_605_999).iso8601 == "2009-10-05T10:09:08.070605Z")
        #expect(CaptureTime(seconds: 1_254_737_348, nanoseconds: 909_090_000).iso8601 == "2009-10-05T10:09:08.909090Z")
    }

    @Test func formatsISO8601BeforeTheEpochAndAfterYear9999() {
        #expect(CaptureTime(seconds: -1, nanoseconds: 999_999_999).iso8601 == "1969-12-31T23:59:59.999999Z")
        #expect(CaptureTime(seconds: 253_402_300_800, nanoseconds: 5_000).iso8601 == "10000-01-01T00:00:00.000005Z")
        #expect(CaptureTime(seconds: -62_167_219_201, nanoseconds: 0).iso8601 == "00-1-12-31T23:59:59.000000Z")
    }

    @Test func appendsISO8601AfterWhatIsThere() {
        var bytes = Array("time=".utf8)
        CaptureTime(seconds: 1_795_850_986, nanoseconds: 123_456_789).appendISO8601(to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == "time=2026-11-28T07:29:46.123456Z")
    }

    @Test func writesISO8601InPlaceForFourDigitYearsOnly() {
        var buffer = [UInt8](repeating: UInt8(ascii: "#"), count: 32)
        let time = CaptureTime(seconds: 1_795_850_986, nanoseconds: 123_456_789)
        #expect(buffer.withUnsafeMutableBytes { $0.baseAddress.map { time.writeISO8601(to: $0 + 2) } } == true)
        #expect(String(decoding: buffer, as: UTF8.self) == "##2026-11-28T07:29:46.123456Z###")
        #expect(CaptureTime.iso8601Length == time.iso8601.utf8.count)
        var untouched = [UInt8](repeating: 0, count: 32)
        #expect(untouched.withUnsafeMutableBytes {
            $0.baseAddress.map { CaptureTime(seconds: 253_402_300_800, nanoseconds: 0).writeISO8601(to: $0) }
        } == false)
        #expect(untouched.allSatisfy { $0 == 0 })
    }

    @Test func ordersBySecondsThenNanoseconds() {
        #expect(CaptureTime(seconds: 1, nanoseconds: 999) < CaptureTime(seconds: 2, nanoseconds: 0))
        #expect(CaptureTime(seconds: 2, nanoseconds: 1) > CaptureTime(seconds: 2, nanoseconds: 0))
        #expect(CaptureTime(seconds: 10, nanoseconds: 0).seconds(since: CaptureTime(seconds: 8, nanoseconds: 500_000_000)) == 1.5)
    }
}
