import Capture
import Reports
import Testing
import Transport

private func payload(_ text: String, frame: Int) -> SIPPayload {
    let a = Endpoint(address: .v4(0x7f00_0001), port: 5060), b = Endpoint(address: .v4(0x7f00_0002), port: 5060)
    return SIPPayload(bytes: Array(text.utf8), flow: Flow(source: a, destination: b, transport: .udp),
                      time: CaptureTime(seconds: 100, nanoseconds: 0), frames: [frame])
}

@Test func unparseableSIPIsCountedWithItsFrameAndWorkGoesOn() throws {
    var analysis = try Analysis(files: 1)
    var dialogs = 0
    analysis.ingest(payload("INVITE sip:x SIP/2.0\r\nVia SIP/2.0/UDP h\r\n\r\n", frame: 7)) { _ in dialogs += 1 }
    let invite = "INVITE sip:b@b SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1;branch=z9hG4bK1\r\nFrom: <sip:a@a>;tag=1\r\n"
        + "To: <sip:b@b>\r\nCall-ID: x\r\nCSeq: 1 INVITE\r\nContent-Length: 0\r\n\r\n"
    analysis.ingest(payload(invite, frame: 8)) { _ in dialogs += 1 }
    var statistics = DecodeStatistics()
    statistics.frames = 8
    statistics.sipPayloads[.udp] = 2
    analysis.finish(decode: statistics) { _ in dialogs += 1 }
    #expect(dialogs == 1)
    #expect(analysis.summary.decode[.malformedSIP] == 1)
    #expect(analysis.summary.malformedMessages.map(\.frame) == [7])
    #expect(analysis.summary.dialogs == 1)
    #expect(analysis.summary.sipMessages == 2)
}

@Test func invalidCheckRouteParamRegexIsRejected() {
    #expect(throws: (any Error).self) { try Analysis(files: 1, options: .init(checkRouteParams: ["(unclosed"])) }
}
