import Testing
@testable import SIP

@Suite struct ViaTests {
    @Test func sentByAndParameters() throws {
        let v = try Via(parsing: "SIP/2.0/udp 192.0.2.1:5060;branch=z9hG4bK776;received=198.51.100.7;rport=5061;maddr=224.2.0.1")
        #expect(v.transport == "UDP")
        #expect(v.host == "192.0.2.1")
        #expect(v.port == 5060)
        #expect(v.branch == "z9hG4bK776")
        #expect(v.hasRFC3261Branch)
        #expect(v.received == "198.51.100.7")
        #expect(v.rport == .value(5061))
        #expect(v.maddr == "224.2.0.1")
        #expect(v.sentBy == "192.0.2.1:5060")
    }

    @Test func rportForms() throws {
        #expect(try Via(parsing: "SIP/2.0/UDP h;rport;branch=z9hG4bKa").rport == .empty)
        #expect(try Via(parsing: "SIP/2.0/UDP h;branch=z9hG4bKa").rport == .absent)
    }

    @Test func lwsAroundSlashesAndIPv6() throws {
        // RFC 4475 3.1.1.1 (after unfolding) and 3.1.1.10
        let v = try Via(parsing: "SIP  /   2.0 /UDP    192.0.2.2;branch=390skdjuw")
        #expect(v.protocolName == "SIP")
        #expect(v.protocolVersion == "2.0")
        #expect(v.host == "192.0.2.2")
        #expect(v.port == nil)
        #expect(!v.hasRFC3261Branch)
        let six = try Via(parsing: "SIP/2.0/TCP [2001:db8::9]:5061 ; branch = z9hG4bKx ; received=2001:db8::7")
        #expect(six.hostIsIPv6)
        #expect(six.host == "2001:db8::9")
        #expect(six.sentBy == "[2001:db8::9]:5061")
        #expect(six.received == "2001:db8::7")
        #expect(try Via(parsing: "SIP/2.0/UNKNOWN t.example.com;branch=z9hG4bKx").transport == "UNKNOWN")
    }

    @Test func lenientKeepsTheViaOfASloppySender() throws {
        let v = try Via(lenient: "SIP/2.0/UDP 193.175.133.193;branch=")
        #expect(v.branch == "")
        #expect(v.host == "193.175.133.193")
        let junk = try Via(lenient: "SIP/2.0/UDP 192.0.2.15;;,;rport;branch=z9hG4bKx")
        #expect(junk.parameters.map(\.name) == [",", "rport", "branch"])
        #expect(junk.branch == "z9hG4bKx")
        #expect(parseError { () throws(SIPParseError) in _ = try Via(lenient: "SIP/2.0 192.0.2.1") }?.kind == .malformedVia)
    }

    @Test(arguments: [
        "SIP/2.0/UDP 192.0.2.15;;", "SIP/2.0 192.0.2.1", "SIP/2.0/UDP", "SIP/2.0/UDP host:70000",
        "SIP/2.0/UDP 193.175.133.193;branch=", "SIP/2.0/TCP host (comment)", "SIP/2.0/UDP [::1",
    ])
    func rejects(text: String) {
        let error = parseError { () throws(SIPParseError) in _ = try Via(parsing: text) }
        #expect(error != nil)
        #expect(error?.kind == .malformedVia || error?.kind == .unbalanced)
    }
}
