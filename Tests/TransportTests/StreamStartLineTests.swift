import Testing
@testable import Transport

@Suite struct StreamStartLineTests {
    private func kind(_ line: String) -> StreamStartLine.Kind? {
        let bytes = Array(line.utf8)
        return bytes.withUnsafeBufferPointer { StreamStartLine.kind($0, 0..<bytes.count) }
    }

    private func startInside(_ line: String) -> Int? {
        let bytes = Array(line.utf8)
        return bytes.withUnsafeBufferPointer { StreamStartLine.startInsideLine($0, 0..<bytes.count) }
    }

    @Test(arguments: [
        "INVITE sip:bob@example.com SIP/2.0",
        "SIP/2.0 200 OK",
        "SIP/2.0 100",
        "!interesting-Method0123456789_*+`.%indeed'~ sip:1_unusual.URI~(to-be!sure)&isn't+it$/crazy?,/;;*:&it+has=1,weird!*pas$wo~d_too.(doesn't-it)@example.com SIP/2.0",
        "OPTIONS nobodyKnowsThisScheme:totallyopaquecontent SIP/2.0",
        "INVITE sip:user@company.com  SIP/2.0",
    ])
    func sipStartLines(_ line: String) {
        #expect(kind(line) == .sip)
    }

    @Test(arguments: ["GET /ws HTTP/1.1", "HTTP/1.1 101 Switching Protocols"])
    func httpStartLines(_ line: String) {
        #expect(kind(line) == .http)
    }

    @Test(arguments: [
        "body of a message whose start we missedOPTIONS sip:bob@example.com SIP/2.0",  // four parts
        "INVITE bob SIP/2.0",                                                           // URI without scheme
        "SIP/2.0 2OO OK",
        "SIP/2.0 2000 OK",
        "INVITE sip:bob@example.com SIP/3.0",
        "v=0",
        "",
    ])
    func otherLines(_ line: String) {
        #expect(kind(line) == nil)
    }

    @Test func requestGluedToLeftoverBytes() {
        let line = "c=IN IP4 192.0.2.1OPTIONS sip:bob@example.com SIP/2.0"
        #expect(startInside(line) == "c=IN IP4 192.0.2.1".utf8.count)
        #expect(startInside("leftoverXYZNEWMETHOD sip:x@y SIP/2.0") == "leftover".utf8.count)
    }

    @Test func statusGluedToLeftoverBytes() {
        #expect(startInside("a=sendrecvSIP/2.0 180 Ringing") == "a=sendrecv".utf8.count)
    }

    @Test func noStartInsidePlainText() {
        #expect(startInside("just some text SIP/2.0 is mentioned here") == nil)
        #expect(startInside("lowercase invite sip:x@y SIP/2.0") == nil)
    }
}
