import Dispatch
import Glibc
import Synchronization

/// Set once to ask a live capture to stop: by SIGINT / SIGTERM, `--duration`, `--count` or a test.
final class StopFlag: Sendable {
    private let flag = Atomic<Bool>(false)

    init() {}

    func stop() { flag.store(true, ordering: .releasing) }

    var isStopped: Bool { flag.load(ordering: .acquiring) }
}

/// SIGINT and SIGTERM delivered through Dispatch sources (no async-signal-unsafe work in a C
/// handler): either sets `flag`. Keep the value alive while the capture runs.
final class StopSignals {
    private let sources: [any DispatchSourceSignal]

    init(setting flag: StopFlag) {
        sources = [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { flag.stop() }
            source.resume()
            return source
        }
    }

    /// Restores the default actions, so a second Ctrl-C after the capture ends kills the process.
    func cancel() {
        for source in sources { source.cancel() }
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
    }
}
