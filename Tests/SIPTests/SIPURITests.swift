import Testing
@testable import SIP

@Suite struct SIPURITests {
    @Test func fullSIPURI() throws {
        let uri = try SIPURI(parsing: "sips:alice:secret@Atlanta.example.com:5061;transport=tcp;lr;maddr=239.255.255.1?subject=project%20x&priority=urgent")
        #expect(uri.scheme == .sips)
        #expect(uri.user == "alice")
        #expect(uri.password == "secret")
        #expect(uri.host == .name("Atlanta.example.com"))
        #expect(uri.port == 5061)
        #expect(uri.parameters.map(\.name) == ["transport", "lr", "maddr"])
        #expect(uri.parameter("transport") == .some("tcp"))
        #expect(uri.parameter("LR") == .some(nil))
        #expect(uri.parameter("ttl") == nil)
        #expect(uri.isLooseRouter)
        #expect(uri.headers == [SIPURI.Header(name: "subject", value: "project%20x"), SIPURI.Header(name: "priority", value: "urgent")])
        #expect(uri.hostPort == "Atlanta.example.com:5061")
    }

    @Test func hostKinds() throws {
        #expect(try SIPURI(parsing: "sip:192.0.2.4").host == .ipv4("192.0.2.4"))
        let v6 = try SIPURI(parsing: "sip:[2001:db8::10]:5070;lr")
        #expect(v6.host == .ipv6("2001:db8::10"))
        #expect(v6.port == 5070)
        #expect(v6.hostPort == "[2001:db8::10]:5070")
        #expect(try SIPURI(parsing: "sip:user@[::ffff:192.0.2.1]").host == .ipv6("::ffff:192.0.2.1"))
        // A name ending in a letter is a domain even when labels are numeric.
        #expect(try SIPURI(parsing: "sip:1.2.3.example").host == .name("1.2.3.example"))
    }

    @Test func escapedUserAndSemicolonsInUser() throws {
        // RFC 4475 3.1.1.4 and 3.1.1.9
        let null = try SIPURI(parsing: "sip:null-%00-null@example.com")
        #expect(null.user == "null-%00-null")
        #expect(null.decodedUser == Array("null-".utf8) + [0] + Array("-null".utf8))
        let semi = try SIPURI(parsing: "sip:user;par=u%40example.net@example.com")
        #expect(semi.user == "user;par=u%40example.net")
        #expect(semi.host == .name("example.com"))
        #expect(semi.parameters.isEmpty)
    }

    @Test func telAndOpaqueSchemes() throws {
        let tel = try SIPURI(parsing: "tel:+1-201-555-0123;phone-context=example.com")
        #expect(tel.scheme == .tel)
        #expect(tel.user == "+1-201-555-0123")
        #expect(tel.parameter("phone-context") == .some("example.com"))
        let other = try SIPURI(parsing: "isbn:2983792873")
        #expect(other.scheme == .other("isbn"))
        #expect(other.raw == "isbn:2983792873")
        #expect(try SIPURI(parsing: "SIP:bob@example.com").scheme == .sip)
    }

    @Test(arguments: [
        ("", 0), ("sip", 3), ("sip:", 4), ("sip:user@", 9), ("sip:host:99999", 9), ("sip:host:", 9),
        ("sip:[2001:db8::1", 4), ("sip:[zz::1]", 5), ("sip:256.1.1.1", 4), ("sip:a b@host", 5),
        ("sip:host;;lr", 9), ("sip:host?x", 9), ("sip:us%zzer@host", 6), ("sip:<host>", 4),
    ])
    func rejectsMalformed(text: String, offset: Int) {
        let error = parseError { () throws(SIPParseError) in _ = try SIPURI(parsing: text) }
        #expect(error?.kind == .malformedURI)
        #expect(error?.offset == offset)
    }
}

/// The typed error `body` throws, or nil.
func parseError(_ body: () throws(SIPParseError) -> Void) -> SIPParseError? {
    do { try body() } catch { return error }
    return nil
}
