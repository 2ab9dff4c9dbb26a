import Capture
import Foundation
import Dialogs
import SIP
import Testing
import Transport
@testable import Audit

/// The audit of the real Kamailio + SIPp captures in `samples/` (see samples/README.md): each must
/// give exactly the findings its situation calls for (errors and warnings; info codes listed where
/// expected), and the at_proxy answers must agree with what Kamailio itself wrote into the
/// `X-RR-Check` header of the copy it sent on.
struct SampleCaptureTests {
    /// `samples/` at the package root, three levels above this file.
    static let samples: String = {
        var parts = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/") + "/samples"
    }()

    /// Decodes, tracks and audits one sample capture.
    static func audit(_ name: String, checkRouteParams: [String] = []) throws -> [DialogAudit] {
        let auditor = try Auditor(checkRouteParams: checkRouteParams)
        return try dialogs(name).map(auditor.audit)
    }

    /// The dialogs of one sample capture.
    static func dialogs(_ name: String) throws -> [Dialog] {
        let pipeline = try DecodePipeline(paths: [samples + "/" + name])
        var tracker = DialogTracker()
        var dialogs: [Dialog] = []
        pipeline.run(emit: { payload in
            guard let message = try? SIPParser.parse(payload.bytes) else { return }
            tracker.ingest(ObservedMessage(message: message, flow: payload.flow, time: payload.time,
                                           frames: Array(payload.frames), fileIndex: payload.fileIndex)) { dialogs.append($0) }
        }, problem: { _ in })
        tracker.finish { dialogs.append($0) }
        return dialogs
    }

    static let expected: [(file: String, codes: [FindingCode: [Int]])] = [
        ("clean-call-bye-caller.pcap", [:]),
        ("clean-call-bye-callee.pcap", [:]),
        ("reinvite-from-caller.pcap", [:]),
        ("reinvite-from-callee.pcap", [:]),
        ("rr-params.pcap", [:]),
        ("rr-lr-on.pcap", [.rrLROn: []]),
        ("rr-no-ftag.pcap", [.ftagAbsent: []]),
        ("double-rr-udp-tcp.pcap", [:]),
        // The caller, left with an empty route set, rightly sends straight to the callee: the
        // defect is the UAS's alone (the README allowed PROXY_BYPASSED as a consequence).
        ("uas-drops-record-route.pcap", [.rrNotMirrored: [4]]),
        ("indialog-no-route-to-proxy.pcap", [.routeMissing: [10]]),
        ("indialog-proxy-bypassed.pcap", [.routeMissing: [8, 9], .proxyBypassed: [8, 9]]),
        ("ua-strict-routing.pcap", [.strictRouting: [10]]),
        ("ua-route-lr-stripped.pcap", [.routeParamsChanged: [10]]),
        ("ua-route-params-changed.pcap", [.routeParamsChanged: [10]]),
        ("ua-route-ftag-altered.pcap", [.routeParamsChanged: [10], .ftagMismatch: [10], .directionMisjudged: [10]]),
        ("cancel-ringing.pcap", [:]),
        ("forked-early-dialogs.pcap", [:]),
        ("subscribe-notify.pcap", [:]),
        ("two-proxies-chain.pcap", [:]),
        ("proxy-not-popping-route.pcap", [.proxyNotPopped: [9, 11]]),
        ("proxy-wrong-next-hop.pcap", [.nextHopWrong: [11]]),
        ("proxy-rr-without-lr.pcap", [.rrNoLR: [3]]),
        ("preloaded-route.pcap", [.preloadedRoute: [1]]),
        ("cancel-route-mismatch.pcap", [.preloadedRoute: [1], .cancelRouteMismatch: [6]]),
        ("ack-route-mismatch.pcap", [.preloadedRoute: [1], .ackRouteMismatch: [9]]),
        // Made after the first set; checked when the samples branch that adds them is merged.
        ("ua-route-not-reversed.pcap", [.routeNotReversed: [15]]),
        ("proxy-popped-foreign.pcap", [.routeSetMismatch: [15], .proxyPoppedForeign: [16], .proxyBypassed: [16]]),
        ("chain-strict-next-hop.pcap", [.rrNoLR: [5]]),
        ("ipv6-clean-call.pcap", [:]),
    ]

    /// The sample captures present in `samples/`.
    static var present: [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: samples))?.filter { $0.hasSuffix(".pcap") }.sorted() ?? []
    }

    @Test func everySampleCaptureHasExpectedFindings() {
        #expect(Self.present.count >= 25)
        let listed = Set(Self.expected.map(\.file))
        #expect(Self.present.filter { !listed.contains($0) } == [])
    }

    @Test("sample capture gives the findings of samples/README.md", arguments: expected.map(\.file))
    func sampleFindings(file: String) throws {
        guard Self.present.contains(file) else { return }
        let expected = try #require(Self.expected.first { $0.file == file }?.codes)
        let findings = try Self.audit(file).flatMap(\.findings)
        let summary = findings.map { "\($0.code) frame \($0.frame): \($0.message)" }
        #expect(Set(findings.map(\.code)) == Set(expected.keys), "\(summary)")
        for (code, frames) in expected where !frames.isEmpty {
            #expect(findings.filter { $0.code == code }.map(\.frame) == frames, "\(code): \(summary)")
        }
    }

    /// Kamailio wrote what loose_route() and $rdir answered into `X-RR-Check` on the copy it sent
    /// on (the last such header is the sending proxy's): the engine must agree on every one.
    @Test("at_proxy agrees with Kamailio's own X-RR-Check answers", arguments: expected.map(\.file))
    func atProxyMatchesKamailio(file: String) throws {
        guard Self.present.contains(file) else { return }
        var compared = 0
        for audit in try Self.audit(file) {
            let frames = Dictionary(audit.dialog.requests.flatMap(\.copies).map { ($0.frame, $0) },
                                    uniquingKeysWith: { first, _ in first })
            for request in audit.requests {
                guard let atProxy = request.atProxy, let forwarded = atProxy.forwardedFrame.flatMap({ frames[$0] }),
                      let check = forwarded.message.fields(HeaderName("X-RR-Check")).last else { continue }
                let answers = Dictionary(check.split(separator: ";").compactMap { part -> (String, String)? in
                    let pair = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                    return pair.count == 2 ? (pair[0], pair[1]) : nil
                }, uniquingKeysWith: { first, _ in first })
                compared += 1
                #expect(answers["loose_route"] == String(atProxy.looseRoute), "\(file) frame \(request.frame)")
                if let direction = answers["direction"] {
                    #expect(direction == atProxy.ftagDirection.rawValue, "\(file) frame \(request.frame)")
                }
            }
        }
        // Every sample whose proxy ran loose_route() on a forwarded in-dialog request has answers.
        let withoutAnswers: Set = ["proxy-not-popping-route.pcap", "indialog-proxy-bypassed.pcap", "uas-drops-record-route.pcap",
                                   "cancel-ringing.pcap", "cancel-route-mismatch.pcap", "ack-route-mismatch.pcap"]
        #expect(withoutAnswers.contains(file) || compared > 0)
    }

    /// Some samples must really exercise the comparison above.
    @Test func kamailioAnswersAreFoundInTheSamples() throws {
        let audits = try Self.audit("two-proxies-chain.pcap") + Self.audit("ua-route-ftag-altered.pcap")
        let compared = audits.flatMap(\.requests).filter { $0.atProxy?.forwardedFrame != nil }
        #expect(compared.count >= 4)
        #expect(audits.flatMap(\.requests).contains { $0.atProxy?.ftagDirection == .upstream && $0.direction == .downstream })
    }
}
