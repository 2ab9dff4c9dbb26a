import Testing
@testable import Capture

@Suite struct CaptureTimeTests {
    @Test func formatsISO8601InUTC() {
        #expect(CaptureTime(seconds: 0, nanoseconds: 0).iso8601 == "1970-01-01T00:00:00.000000Z")
        #expect(CaptureTime(seconds: 1_795_850_986, nanoseconds: 123_456_789).iso8601
                == "2026-11-28T07:29:46.123456Z")
        #expect(CaptureTime(seconds: 951_782_400, nanoseconds: 0).iso8601 == "2000-02-29T00:00:00.000000Z")
    }

    @Test func ordersBySecondsThenNanoseconds() {
        #expect(CaptureTime(seconds: 1, nanoseconds: 999) < CaptureTime(seconds: 2, nanoseconds: 0))
        #expect(CaptureTime(seconds: 2, nanoseconds: 1) > CaptureTime(seconds: 2, nanoseconds: 0))
        #expect(CaptureTime(seconds: 10, nanoseconds: 0).seconds(since: CaptureTime(seconds: 8, nanoseconds: 500_000_000)) == 1.5)
    }
}
