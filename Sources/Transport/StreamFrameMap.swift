import Capture
import DequeModule

/// Which frame carried which bytes of a stream, so that a message reassembled from many
/// segments can name every frame that carried part of it.
struct StreamFrameMap: Sendable {
    /// The frame that carried the stream bytes from `offset` up to the next marker.
    struct Marker: Sendable {
        var offset: Int
        var frame: Int
        var time: CaptureTime
    }

    private var markers = Deque<Marker>()

    /// Bytes from stream offset `offset` on came in `frame`.
    mutating func record(offset: Int, frame: Int, time: CaptureTime) {
        markers.append(Marker(offset: offset, frame: frame, time: time))
    }

    /// The frames that carried `range` (capture order, each once) and the time of the latest,
    /// which is the frame that completed it. `streamEnd` bounds the last marker.
    func frames(carrying range: Range<Int>, streamEnd: Int) -> (frames: FrameNumbers, time: CaptureTime) {
        var frames = FrameNumbers()
        var latest: Marker?
        var ordered = true
        for index in markers.indices {
            let marker = markers[index]
            if marker.offset >= range.upperBound { break }
            let end = index + 1 < markers.count ? markers[index + 1].offset : streamEnd
            if end <= range.lowerBound { continue }
            if let last = frames.last, last >= marker.frame { ordered = false }
            frames.append(marker.frame)
            if latest.map({ marker.frame >= $0.frame }) ?? true { latest = marker }
        }
        // Segments delivered after a hole filled can come from earlier or later frames.
        if !ordered {
            frames = FrameNumbers(Array(Set(frames)).sorted())
        }
        return (frames, latest?.time ?? .zero)
    }

    /// The frame that carried the byte at `offset` (the latest frame when nothing earlier is known).
    func frame(at offset: Int) -> Int {
        var found = markers.last?.frame ?? 0
        for marker in markers {
            if marker.offset > offset { break }
            found = marker.frame
        }
        return found
    }

    /// Forgets markers that only cover bytes before `offset`.
    mutating func discard(before offset: Int, streamEnd: Int) {
        if offset >= streamEnd {
            markers.removeAll(keepingCapacity: true)
            return
        }
        while markers.count > 1, markers[1].offset <= offset { markers.removeFirst() }
    }

    mutating func removeAll() { markers.removeAll() }
}
