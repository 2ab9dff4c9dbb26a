import Audit
import Capture
import Foundation
import Glibc
import Reports
import Synchronization
import Testing
import Transport
@testable import rraudit

/// Collects what the analysis thread emits.
private final class Collected: Sendable {
    let audits = Mutex<[DialogAudit]>([])
}

private final class OutcomeBox: Sendable {
    let outcome = Mutex<Result<LiveSession.Outcome, CaptureError>?>(nil)
}

/// Polls `condition` every 50 ms for at most `seconds`.
private func waitUntil(_ seconds: Double, _ condition: () -> Bool) -> Bool {
    let deadline = Date(timeIntervalSinceNow: seconds)
    while Date() < deadline {
        if condition() { return true }
        usleep(50_000)
    }
    return condition()
}

@Suite(.serialized) struct LiveSessionTests {
    /// A real sample's SIP replayed on `lo` (127.0.N.x, see `LoopbackReplay.Lane`) while a live session captures:
    /// the dialog is emitted when it ends (before the capture stops) with the findings the offline
    /// analysis of the same capture reports.
    @Test(.enabled(if: getuid() == 0, "live capture on lo needs root (CAP_NET_RAW)"))
    func replayedSampleIsReportedWhileCapturing() throws {
        let path = TestPaths.samples.appendingPathComponent("ua-route-params-changed.pcap").path
        var offline = try Analysis(files: 1)
        var expected: [DialogAudit] = []
        offline.run(try DecodePipeline(paths: [path])) { expected.append($0) }
        let replay = try LoopbackReplay(capture: path)

        let session = LiveSession(configuration: .init(
            interface: "lo", filter: replay.lane.filter, duration: 30))
        let stop = StopFlag()
        let collected = Collected()
        let box = OutcomeBox()
        let started = DispatchSemaphore(value: 0)
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            let result = Result { () throws(CaptureError) in
                try session.run(stop: stop, started: { started.signal() }, emit: { audit in
                    collected.audits.withLock { $0.append(audit) }
                })
            }
            if case .failure = result { started.signal() }
            box.outcome.withLock { $0 = result }
            done.signal()
        }
        #expect(started.wait(timeout: .now() + 10) == .success)
        try replay.send()
        // The call ends with BYE/200: reported after the tracker's linger (4 s of capture time),
        // which the idle analysis thread advances by the wall clock.
        let emittedWhileRunning = waitUntil(12) { collected.audits.withLock { $0.count } >= expected.count }
        stop.stop()
        #expect(done.wait(timeout: .now() + 10) == .success)
        #expect(emittedWhileRunning)

        let outcome = try #require(box.outcome.withLock { $0 }).get()
        let audits = collected.audits.withLock { $0 }
        #expect(audits.count == expected.count)
        #expect(audits.map(\.dialog.callID) == expected.map { $0.dialog.callID.replacingOccurrences(of: "127.0.5.", with: replay.lane.prefix) })
        #expect(audits.map { $0.findings.map(\.code) } == expected.map { $0.findings.map(\.code) })
        #expect(audits.first?.findings.map(\.code) == [.routeParamsChanged])
        #expect(audits.first?.dialog.proxies.first?.primaryAddress?.description
                == "\(replay.lane.prefix)10:\(18010 + replay.lane.portOffset)/udp")
        #expect(outcome.capture.frames == replay.datagrams.count)
        #expect(outcome.capture.received.map { $0 >= UInt64(replay.datagrams.count) } == true)
        #expect(outcome.capture.queueDropped == 0)
        #expect(outcome.summary.sipMessages == replay.datagrams.count)
    }

    @Test(.enabled(if: getuid() == 0, "live capture needs root (CAP_NET_RAW)"))
    func badInterfaceAndFilterThrowBeforeCapturing() {
        #expect(throws: CaptureError.self) {
            _ = try LiveSession(configuration: .init(interface: "no-such-if0")).run(stop: StopFlag(), emit: { _ in })
        }
        #expect(throws: CaptureError.self) {
            _ = try LiveSession(configuration: .init(interface: "lo", filter: "udp and and")).run(stop: StopFlag(), emit: { _ in })
        }
    }

    @Test(.enabled(if: getuid() == 0, "live capture needs root (CAP_NET_RAW)"))
    func durationBoundsAQuietCapture() throws {
        let begin = Date()
        let outcome = try LiveSession(configuration: .init(
            interface: "lo", filter: "udp and host 127.0.8.254 and port 19999", duration: 0.5)).run(stop: StopFlag(), emit: { _ in })
        let elapsed = Date().timeIntervalSince(begin)
        #expect(elapsed >= 0.5 && elapsed < 5)
        #expect(outcome.summary.dialogs == 0 && outcome.capture.frames == 0)
    }
}
