/// The numbers of the frames that carried one SIP message, in capture order (from 1, per file).
///
/// Most messages travel in one frame: that case is stored inline, so emitting a message costs no
/// allocation for its frame list; only a message over several frames (TCP segments, IP
/// fragments, WebSocket frames) holds an array. Compare with an array literal (`frames == [1, 2]`)
/// or take `Array(frames)` where an `[Int]` is needed.
public struct FrameNumbers: RandomAccessCollection, Hashable, Sendable, ExpressibleByArrayLiteral,
    CustomStringConvertible {
    /// Never `.many` with exactly one element, so that equal lists have equal storage.
    private enum Storage: Hashable, Sendable {
        case one(Int)
        case many([Int])
    }

    private var storage: Storage

    /// A message carried by one frame.
    public init(_ frame: Int) { storage = .one(frame) }

    /// The frames in `frames`, in that order.
    public init(_ frames: [Int]) {
        storage = frames.count == 1 ? .one(frames[0]) : .many(frames)
    }

    /// The frames listed, in that order.
    public init(arrayLiteral elements: Int...) { self.init(elements) }

    /// Always 0.
    public var startIndex: Int { 0 }

    /// The number of frames.
    public var endIndex: Int {
        switch storage {
        case .one: 1
        case .many(let frames): frames.count
        }
    }

    /// The frame at `position` (0 is the first); out of range is a programming error, as for `Array`.
    public subscript(position: Int) -> Int {
        switch storage {
        case .one(let frame):
            precondition(position == 0, "FrameNumbers index out of range")
            return frame
        case .many(let frames): return frames[position]
        }
    }

    /// Adds the next frame.
    public mutating func append(_ frame: Int) {
        switch storage {
        case .one(let first):
            // Room for a few more: a message over two frames is often over three or four.
            var frames: [Int] = []
            frames.reserveCapacity(4)
            frames.append(first)
            frames.append(frame)
            storage = .many(frames)
        case .many(let frames) where frames.isEmpty:
            storage = .one(frame)  // the first frame of a list built up frame by frame: no array
        case .many(var frames):
            storage = .one(0)  // drops the reference so that `frames` is appended to in place
            frames.append(frame)
            self = FrameNumbers(frames)
        }
    }

    /// As an array prints: `[1, 2]`.
    public var description: String { Array(self).description }
}
