import Testing
@testable import SIP

@Suite struct SIPMessageAccessorsTests {
    @Test func registerWithWildcardContactExpiresAndEvent() throws {
        let m = try SIPParser.parse(message([
            "REGISTER sip:example.com SIP/2.0",
            "Via: SIP/2.0/UDP 192.0.2.1;branch=z9hG4bKr",
            "From: <sip:u@example.com>;tag=9", "To: <sip:u@example.com>", "Call-ID: r1", "CSeq: 3 REGISTER",
            "Contact: *", "Expires: 0", "Event: presence;id=7", "Require: 100rel, path", "Max-Forwards: 0",
            "Content-Length: 0",
        ]))
        #expect(m.isWildcardContact)
        #expect(m.contacts.isEmpty)
        #expect(m.expires == 0)
        #expect(m.event == "presence")
        #expect(m.require == ["100rel", "path"])
        #expect(m.maxForwards == 0)
        try m.validate()
    }

    @Test func contactsAndRecordRouteOfA200() throws {
        let m = try SIPParser.parse(message([
            "SIP/2.0 200 OK",
            "Via: SIP/2.0/UDP p1.example.com;branch=z9hG4bKp1, SIP/2.0/UDP ua.example.com;branch=z9hG4bKua",
            "Record-Route: <sip:p2.example.com;lr>, <sip:[2001:db8::1];lr;ftag=a1>",
            "Record-Route: <sip:p1.example.com;lr;r2=on>",
            #"Contact: "Bob, B." <sip:bob@192.0.2.4>;expires=60, <sip:bob@198.51.100.4>"#,
            "From: <sip:a@example.com>;tag=a1", "To: <sip:b@example.com>;tag=b1", "Call-ID: c", "CSeq: 1 INVITE",
        ]))
        #expect(m.method == .invite)
        #expect(m.statusCode == 200)
        #expect(m.recordRoutes == ["<sip:p2.example.com;lr>", "<sip:[2001:db8::1];lr;ftag=a1>", "<sip:p1.example.com;lr;r2=on>"])
        #expect(m.fields(.recordRoute).count == 2)
        #expect(m.recordRouteAddresses.map { $0.uri?.isLooseRouter } == [true, true, true])
        #expect(m.recordRouteAddresses[1].uri?.parameter("ftag") == .some("a1"))
        #expect(m.contacts.map(\.displayName) == ["Bob, B.", nil])
        #expect(m.contacts.first?.parameter("expires") == .some("60"))
        #expect(m.to?.tag == "b1")
        #expect(m.vias.count == 2)
        #expect(m.topVia?.host == "p1.example.com")
        #expect(!m.isWildcardContact)
        #expect(m.headerFields.first?.value.hasPrefix("SIP/2.0/UDP p1.example.com") == true)
        // Zero-copy forms give the same text.
        var ranges = [Range<Int>]()
        m.forEachValueRange(.recordRoute) { ranges.append($0) }
        #expect(ranges == m.valueRanges(.recordRoute))
        #expect(ranges.map { m.text($0) } == m.recordRoutes)
        #expect(m.fieldRange(.callID).map { m.text($0) } == "c")
        #expect(m.fieldRange(.route) == nil)
        #expect(m.fromTag == "a1" && m.fromTag == m.from?.tag)
        #expect(m.toSkippingURI?.tag == "b1" && m.toSkippingURI?.uri == nil)
        try m.validate()
    }

    @Test func missingAndMalformedValuesAreNil() throws {
        let m = try SIPParser.parse(message(["OPTIONS sip:a@b SIP/2.0", "CSeq: x", "Max-Forwards: 300", "Expires: soon"]))
        #expect(m.callID == nil)
        #expect(m.cseq == nil)
        #expect(m.method == .options)
        #expect(m.maxForwards == nil)
        #expect(m.expires == nil)
        #expect(m.from == nil)
        #expect(m.fromTag == nil && m.toSkippingURI == nil)
        #expect(m.vias.isEmpty)
        #expect(m.routes.isEmpty)
    }
}
