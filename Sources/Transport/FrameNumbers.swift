/// The numbers of the frames that carried one SIP message, in capture order (from 1, per file).
///
/// Most messages travel in one to four frames (one datagram, a few TCP segments or IP fragments):
/// up to four are stored inline, so building and emitting such a list allocates nothing; only a
/// longer list holds an array. Compare with an array literal (`frames == [1, 2]`) or take
/// `Array(frames)` where an `[Int]` is needed.
public struct FrameNumbers: RandomAccessCollection, Hashable, Sendable, ExpressibleByArrayLiteral,
    CustomStringConvertible {
    private static let inlineCapacity = 4
    /// The number of frames.
    private var length: Int
    /// The first `length` frames when `spill` is nil.
    private var inline: (Int, Int, Int, Int)
    /// Every frame, once there are more than fit inline.
    private var spill: [Int]?

    /// No frames yet (a list built up frame by frame).
    init() {
        length = 0
        inline = (0, 0, 0, 0)
    }

    /// A message carried by one frame.
    public init(_ frame: Int) {
        length = 1
        inline = (frame, 0, 0, 0)
    }

    /// The frames in `frames`, in that order.
    public init(_ frames: [Int]) {
        self.init()
        if frames.count > Self.inlineCapacity {
            length = frames.count
            spill = frames
        } else {
            for frame in frames { append(frame) }
        }
    }

    /// The frames listed, in that order.
    public init(arrayLiteral elements: Int...) { self.init(elements) }

    /// Always 0.
    public var startIndex: Int { 0 }

    /// The number of frames.
    public var endIndex: Int { length }

    /// The frame at `position` (0 is the first); out of range is a programming error, as for `Array`.
    public subscript(position: Int) -> Int {
        if let spill { return spill[position] }
        precondition(position >= 0 && position < length, "FrameNumbers index out of range")
        switch position {
        case 0: return inline.0
        case 1: return inline.1
        case 2: return inline.2
        default: return inline.3
        }
    }

    /// Adds the next frame.
    public mutating func append(_ frame: Int) {
        if spill != nil {
            spill?.append(frame)
        } else {
            switch length {
            case 0: inline.0 = frame
            case 1: inline.1 = frame
            case 2: inline.2 = frame
            case 3: inline.3 = frame
            default:
                var frames = [inline.0, inline.1, inline.2, inline.3]
                frames.append(frame)
                spill = frames
            }
        }
        length += 1
    }

    /// Whether `frame` is listed (without the generic `contains`, for the per-fragment check).
    func containsFrame(_ frame: Int) -> Bool {
        if let spill { return spill.contains(frame) }
        switch length {
        case 0: return false
        case 1: return inline.0 == frame
        case 2: return inline.0 == frame || inline.1 == frame
        case 3: return inline.0 == frame || inline.1 == frame || inline.2 == frame
        default: return inline.0 == frame || inline.1 == frame || inline.2 == frame || inline.3 == frame
        }
    }

    /// Equal when they list the same frames in the same order.
    public static func == (lhs: FrameNumbers, rhs: FrameNumbers) -> Bool {
        lhs.elementsEqual(rhs)
    }

    /// Hashes the frames in order.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(length)
        for frame in self { hasher.combine(frame) }
    }

    /// The frames as a contiguous array, for `Array(frames)`: one allocation and a copy of the
    /// inline frames, instead of the generic copy that reads them one subscript at a time.
    public __consuming func _copyToContiguousArray() -> ContiguousArray<Int> {
        if let spill { return ContiguousArray(spill) }
        guard length > 0 else { return ContiguousArray() }
        var frames = inline
        let count = length
        return withUnsafeBytes(of: &frames) { raw in
            ContiguousArray(UnsafeBufferPointer(start: raw.baseAddress?.assumingMemoryBound(to: Int.self), count: count))
        }
    }

    /// As an array prints: `[1, 2]`.
    public var description: String { Array(self).description }
}
