import Audit
import Capture
import Dispatch
import Glibc
import Reports
import Synchronization
import Transport

/// The engine of `rraudit live`: the capture reads on the calling thread and hands owned frames
/// through a bounded `FrameQueue` to an analysis thread (decode, parse, dialogs, audit), which
/// emits each dialog when it ends or expires in capture time; while traffic pauses it advances
/// capture time by the wall clock so dialogs still end on time.
struct LiveSession {
    struct Configuration: Sendable {
        var interface: String
        var filter: String?
        var capture = LiveCapture.Options()
        /// Stop after this many seconds.
        var duration: Double?
        /// Stop after this many frames.
        var count: Int?
        /// Frames the hand-off queue holds before dropping.
        var queueCapacity = 65_536
        var analysis = Analysis.Options()
    }

    struct Outcome: Sendable {
        var summary: AnalysisSummary
        var capture: LiveCaptureTotals
        /// Why reading stopped early, when the interface failed mid-capture.
        var readError: CaptureError?
    }

    /// Lends the capture to the watcher thread for `stop()` only: `pcap_breakloop` is the one
    /// libpcap call documented as safe from another thread, and on Linux it wakes a blocked read
    /// (libpcap ≥ 1.10 polls an eventfd beside the socket). Nothing else is touched there.
    private final class Breaker: @unchecked Sendable {
        private let capture: LiveCapture
        init(_ capture: LiveCapture) { self.capture = capture }
        func breakLoop() { capture.stop() }
    }

    /// Holds the analysis thread's summary until the capture thread picks it up.
    private final class SummaryBox: Sendable {
        let summary = Mutex<AnalysisSummary?>(nil)
    }

    var configuration: Configuration

    /// Opens the interface (a bad interface or filter throws before anything runs), then captures
    /// until `stop` is set, `duration` passes or `count` frames were read. `started` runs once the
    /// capture is active; `emit` runs on the analysis thread, in order.
    func run(stop: StopFlag, started: () -> Void = {},
             emit: @escaping @Sendable (DialogAudit) -> Void) throws(CaptureError) -> Outcome {
        let capture = try LiveCapture(interface: configuration.interface, filter: configuration.filter,
                                      options: configuration.capture)
        let analysis: Analysis
        do {
            analysis = try Analysis(files: 1, options: configuration.analysis)
        } catch {
            throw .interface(name: configuration.interface, reason: "\(error)")
        }
        let queue = FrameQueue(capacity: configuration.queueCapacity)
        let box = SummaryBox()
        let finished = DispatchSemaphore(value: 0)
        DetachedThread.start {
            box.summary.withLock { $0 = Self.analyse(queue, analysis: analysis, emit: emit) }
            finished.signal()
        }
        // A read with no traffic blocks however short the pcap timeout (TPACKET_V3 on Linux),
        // so a watcher breaks the loop on a stop request or at the deadline.
        let deadline = configuration.duration.map { ContinuousClock.now + .seconds($0) }
        let breaker = Breaker(capture)
        let reading = StopFlag()
        let watcherDone = DispatchSemaphore(value: 0)
        DetachedThread.start {
            while !reading.isStopped {
                if stop.isStopped || deadline.map({ ContinuousClock.now >= $0 }) == true {
                    breaker.breakLoop()
                    break
                }
                usleep(50_000)
            }
            watcherDone.signal()
        }
        started()
        var frames = 0
        var readError: CaptureError?
        capturing: while !stop.isStopped {
            if let deadline, ContinuousClock.now >= deadline { break }
            if let limit = configuration.count, frames >= limit { break }
            do {
                switch try capture.next() {
                case .packet(let frame):
                    frames += 1
                    queue.offer(frame)
                case .timeout:
                    continue
                case .end:
                    break capturing
                }
            } catch {
                readError = error
                break
            }
        }
        reading.stop()
        watcherDone.wait()
        let statistics = try? capture.statistics()
        queue.close()
        finished.wait()
        let summary = box.summary.withLock { $0 } ?? AnalysisSummary(files: 1)
        return Outcome(summary: summary, capture: LiveCaptureTotals(
            interface: configuration.interface, frames: frames, received: statistics?.received,
            dropped: statistics?.dropped, interfaceDropped: statistics?.interfaceDropped, queueDropped: queue.dropped),
            readError: readError)
    }

    /// The analysis thread: runs until the queue is closed and drained.
    private static func analyse(_ queue: FrameQueue, analysis initial: Analysis,
                                emit: (DialogAudit) -> Void) -> AnalysisSummary {
        var analysis = initial
        var decoder = TransportDecoder()
        var lastTime: CaptureTime?
        var lastArrival = ContinuousClock.now
        while true {
            switch queue.take(timeout: 0.25) {
            case .frame(let frame):
                frame.withPacketView { packet in
                    decoder.decode(packet, emit: { analysis.ingest($0, emit: emit) }, problem: { analysis.note($0) })
                }
                lastTime = frame.time
                lastArrival = ContinuousClock.now
            case .idle:
                // Capture time stands still without packets; let it follow the wall clock.
                if let lastTime {
                    let idle = (ContinuousClock.now - lastArrival).components
                    let seconds = Double(idle.seconds) + Double(idle.attoseconds) * 1e-18
                    analysis.expire(now: lastTime.adding(seconds: seconds), emit: emit)
                }
            case .end:
                decoder.finish(emit: { analysis.ingest($0, emit: emit) }, problem: { analysis.note($0) })
                analysis.finish(decode: decoder.statistics, emit: emit)
                return analysis.summary
            }
        }
    }
}
