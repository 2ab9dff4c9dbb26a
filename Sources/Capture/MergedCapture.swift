/// Several capture files read as one stream in capture-time order.
///
/// Each frame keeps its own file's number and `fileIndex`. Frames with equal times come from the
/// lower file index first, so the order is deterministic. Holds one pending frame per file: memory
/// does not grow with the files. A file that fails part-way (truncated, corrupt) ends there; its
/// error is kept in `readErrors` and the other files go on.
public final class MergedCapture {
    public let files: [PcapFile]
    /// Files that stopped early, in the order it happened.
    public private(set) var readErrors: [CaptureError] = []
    private var pending: [Frame?]
    private var primed = false

    /// Opens every path in order (`fileIndex` = position); the first unreadable one throws.
    public convenience init(paths: [String], filter: String? = nil) throws(CaptureError) {
        var files: [PcapFile] = []
        for (index, path) in paths.enumerated() {
            files.append(try PcapFile(path: path, fileIndex: index, filter: filter))
        }
        self.init(files: files)
    }

    public init(files: [PcapFile]) {
        self.files = files
        pending = Array(repeating: nil, count: files.count)
    }

    /// Lends the next frame in time order; false when every file is exhausted. With a single file
    /// this is that file's zero-copy path (non-generic: the per-packet hot path).
    @discardableResult
    public func nextPacket(_ body: (PacketView) -> Void) -> Bool {
        if files.count == 1 {
            do { return try files[0].nextPacket(body) } catch {
                readErrors.append(error)
                return false
            }
        }
        guard let frame = next() else { return false }
        frame.withPacketView(body)
        return true
    }

    /// Lends every remaining frame in time order, one after the other; the same as calling
    /// `nextPacket` until it returns false, without its cost per packet (a single file is read in
    /// a loop of its own).
    public func forEachPacket(_ body: (PacketView) -> Void) {
        guard files.count == 1 else {
            while nextPacket(body) {}
            return
        }
        do {
            try files[0].forEachPacket(body)
        } catch {
            readErrors.append(error)
        }
    }

    /// Lends the next frame in time order; nil when every file is exhausted.
    public func withNextPacket<R>(_ body: (PacketView) -> R) -> R? {
        var result: R?
        guard nextPacket({ result = body($0) }) else { return nil }
        return result
    }

    /// The next frame in time order; nil when every file is exhausted.
    public func next() -> Frame? {
        if !primed {
            primed = true
            for index in files.indices { pending[index] = read(index) }
        }
        var best: Int?
        for index in pending.indices {
            guard let candidate = pending[index] else { continue }
            if let current = best, let chosen = pending[current], !(candidate.time < chosen.time) { continue }
            best = index
        }
        guard let best, let frame = pending[best] else { return nil }
        pending[best] = read(best)
        return frame
    }

    private func read(_ index: Int) -> Frame? {
        do { return try files[index].next() } catch {
            readErrors.append(error)
            return nil
        }
    }
}
