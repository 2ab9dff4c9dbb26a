import Foundation
import Testing
@testable import Transport

@Suite struct SIPPayloadViewTests {
    /// Every sample and corpus capture, decoded once lending and once copying.
    private static var captures: [String] {
        let samples = Corpus.packageRoot.appendingPathComponent("samples").path
        var paths = ((try? FileManager.default.contentsOfDirectory(atPath: samples)) ?? [])
            .filter { $0.hasSuffix(".pcap") }.sorted().map { "\(samples)/\($0)" }
        if let directory = Corpus.directory {
            paths += Corpus.captures(in: directory).map { "\(directory)/\($0)" }
        }
        return paths
    }

    @Test func lentPayloadsCopiedAreWhatEmitGives() throws {
        let paths = Self.captures
        #expect(paths.count > 20)
        for path in paths {
            var lent: [SIPPayload] = []
            try DecodePipeline(paths: [path]).run(lend: { lent.append($0.payload()) }, problem: { _ in })
            var emitted: [SIPPayload] = []
            try DecodePipeline(paths: [path]).run(emit: { emitted.append($0) }, problem: { _ in })
            #expect(lent.count == emitted.count, "\(path)")
            for (view, owned) in zip(lent, emitted) {
                #expect(view.bytes == owned.bytes && view.flow == owned.flow && view.time == owned.time
                        && view.frames == owned.frames && view.fileIndex == owned.fileIndex
                        && view.viaHEP == owned.viaHEP, "\(path) frame \(owned.frame)")
            }
        }
    }

    @Test func viewLendsTheBytesItWasGiven() {
        let text = Array("OPTIONS sip:b@x SIP/2.0\r\n\r\n".utf8)
        let flow = Flow(source: Endpoint(address: .v4(1), port: 5060), destination: Endpoint(address: .v4(2), port: 5060),
                        transport: .udp)
        let owned = text.withUnsafeBytes { bytes in
            let view = SIPPayloadView(bytes: bytes, flow: flow, time: .zero, frames: [3, 5], fileIndex: 1, viaHEP: false)
            #expect(view.frame == 5 && view.bytes.count == text.count)
            return view.payload()
        }
        #expect(owned.bytes == text && owned.frames == [3, 5] && owned.fileIndex == 1 && owned.frame == 5)
    }
}
