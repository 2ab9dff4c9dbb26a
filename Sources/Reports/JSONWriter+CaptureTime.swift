import Capture

extension JSONWriter {
    /// A time as an ISO 8601 string value (`CaptureTime.iso8601`): every request record has one,
    /// written in place; a year beyond four digits through `appendISO8601`.
    mutating func time(_ time: CaptureTime) {
        unescapedString(upTo: CaptureTime.iso8601Length, { target in
            time.writeISO8601(to: target) ? CaptureTime.iso8601Length : nil
        }, else: { time.appendISO8601(to: &$0) })
    }
}
