import Testing
@testable import SIP

/// Field-by-field checks of the hardest RFC 4475 messages, read from the shared corpus.
@Suite struct CorpusTortureMessageTests {
    func load(_ path: String) throws -> SIPMessage {
        let bytes = try Corpus.bytes(path)
        try #require(!bytes.isEmpty, "corpus not found")
        return try SIPParser.parse(bytes)
    }

    /// RFC 4475 3.1.1.1 A Short Tortuous INVITE.
    @Test func shortTortuousInvite() throws {
        let m = try load("resiprocate-rfc4475/001-wsinv.sip")
        try m.validate()
        #expect(m.requestURI == "sip:vivekg@chair-dnrc.example.com;unknownparam")
        #expect(m.parsedRequestURI?.parameter("unknownparam") == .some(nil))
        #expect(m.to?.uriText == "sip:vivekg@chair-dnrc.example.com")
        #expect(m.to?.tag == "1918181833n")
        #expect(m.from?.displayName == #"J Rosenberg \""#)
        #expect(m.from?.tag == "98asjd8")
        #expect(m.maxForwards == 68)
        #expect(m.cseq == CSeq(number: 9, method: .invite))
        #expect(m.contentLength == 150)
        #expect(m.body.count == 150)
        #expect(m.vias.map(\.transport) == ["UDP", "TCP", "UDP"])
        #expect(m.vias.map(\.host) == ["192.0.2.2", "spindle.example.com", "192.168.255.111"])
        #expect(m.vias.map(\.branch) == ["390skdjuw", "z9hG4bK9ikj8", "z9hG4bK30239"])
        #expect(m.routes == ["<sip:services.example.com;lr;unknownwith=value;unknown-no-value>"])
        #expect(m.routeAddresses.first?.uri?.parameter("unknown-no-value") == .some(nil))
        #expect(m.contacts.first?.displayName == #"Quoted string """#)
        #expect(m.contacts.first?.parameter("newparam") == .some("newvalue"))
        #expect(m.contacts.first?.parameter("q") == .some("0.33"))
        #expect(m.field(.subject) == "")
        #expect(m.field(HeaderName("NewFangledHeader")) == "newfangled value continued newfangled value")
        #expect(m.field(HeaderName("UnknownHeaderWithUnusualValue")) == ";;,,;;,;")
    }

    /// RFC 4475 3.1.1.3 Valid Use of the % Escaping Mechanism.
    @Test func escapes() throws {
        let m = try load("resiprocate-rfc4475/003-esc01.sip")
        try m.validate()
        let ruri = try #require(m.parsedRequestURI)
        #expect(ruri.user == "sips%3Auser%40example.com")
        #expect(ruri.host == .name("example.net"))
        let to = try #require(m.to?.uri)
        #expect(to.isEquivalent(to: try SIPURI(parsing: "sip:user@example.com")))
        #expect(m.from?.uri?.decodedUser == Array("I have spaces".utf8))
        let contact = try #require(m.contacts.first?.uri)
        #expect(contact.isEquivalent(to: try SIPURI(parsing: "sip:caller@host5.example.net;lr;name=value%25%34%31")))
        #expect(m.contentType == "application/sdp")
    }
}
