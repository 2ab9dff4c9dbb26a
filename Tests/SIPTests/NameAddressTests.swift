import Testing
@testable import SIP

@Suite struct NameAddressTests {
    @Test func quotedDisplayNameWithEscapes() throws {
        // RFC 4475 3.1.1.1: "J Rosenberg \\\""
        let a = try NameAddress(parsing: #""J Rosenberg \\\"" <sip:jdrosen@example.com> ; tag = 98asjd8"#)
        #expect(a.displayName == #"J Rosenberg \""#)
        #expect(a.uriText == "sip:jdrosen@example.com")
        #expect(a.uri?.user == "jdrosen")
        #expect(a.tag == "98asjd8")
        #expect(a.isBracketed)
    }

    @Test func tokenDisplayNameWithoutSpaceBeforeBracket() throws {
        // RFC 4475 3.1.1.6
        let a = try NameAddress(parsing: "caller<sip:caller@example.com>;tag=323")
        #expect(a.displayName == "caller")
        #expect(a.tag == "323")
        let b = try NameAddress(parsing: "Fellow User <sip:user@example.com>")
        #expect(b.displayName == "Fellow User")
    }

    @Test func addrSpecParametersBelongToTheHeader() throws {
        // RFC 3261 20.10: without <> the ;params are header parameters.
        let a = try NameAddress(parsing: "sip:caller@example.net;tag=134161461246")
        #expect(a.uriText == "sip:caller@example.net")
        #expect(a.tag == "134161461246")
        #expect(a.uri?.parameters.isEmpty == true)
        #expect(!a.isBracketed)
        let b = try NameAddress(parsing: "<sip:p1.example.com;lr>;foo=bar")
        #expect(b.uri?.isLooseRouter == true)
        #expect(b.parameter("foo") == .some("bar"))
        #expect(b.parameter("lr") == nil)
    }

    @Test func quotedParameterWithAngleAfterAddrSpec() throws {
        let a = try NameAddress(parsing: #"sip:a@192.0.2.1;+sip.instance="<urn:uuid:1>";expires=60"#)
        #expect(a.uriText == "sip:a@192.0.2.1")
        #expect(a.parameter("+sip.instance") == .some(#""<urn:uuid:1>""#))
        #expect(a.parameters.last?.value == "60")
        #expect(a.parameters.first?.unquotedValue == "<urn:uuid:1>")
    }

    @Test func ipv6RouteValue() throws {
        let a = try NameAddress(parsing: "<sip:[2001:db8::1]:5060;lr;ftag=a1>")
        #expect(a.uri?.host == .ipv6("2001:db8::1"))
        #expect(a.uri?.parameter("ftag") == .some("a1"))
    }

    @Test func lenientKeepsStructureWhenTheURIIsBad() throws {
        let a = try NameAddress(lenient: "<bear@iptel.org>;tag=1")
        #expect(a.uri == nil)
        #expect(a.tag == "1")
        let error = parseError { () throws(SIPParseError) in _ = try NameAddress(parsing: "<bear@iptel.org>;tag=1") }
        #expect(error?.kind == .malformedURI)
        #expect(error?.offset == 5) // where the scheme's ":" was expected (the "@")
    }

    @Test func skippingTheURIAgreesWithLenientOnAllButTheURI() throws {
        for text in ["<bear@iptel.org>;tag=1", "sip:shawn.lipman@iptel.org;tag=7618c7618^",
                     #""Watson, Thomas" < sip:t.watson@example.org >;tag=w;x"#, "<sip:a@b;lr>;tag=a1;tag=a2"] {
            let full = try NameAddress(lenient: text)
            let skipped = try NameAddress(lenientSkippingURI: text)
            #expect(skipped.uri == nil)
            #expect(skipped.tag == full.tag)
            #expect(skipped.parameters == full.parameters)
            #expect(skipped.uriText == full.uriText && skipped.displayName == full.displayName)
        }
        #expect(parseError { () throws(SIPParseError) in _ = try NameAddress(lenientSkippingURI: "<sip:a@b") }?.kind == .unbalanced)
    }

    @Test func lenientReadsWhatSloppyUAsSend() throws {
        let tag = try NameAddress(lenient: "sip:shawn.lipman@iptel.org;tag=7618c7618^")
        #expect(tag.tag == "7618c7618^")
        let dn = try NameAddress(lenient: "Bell, Alexander <sip:a.g.bell@example.com>;tag=43")
        #expect(dn.displayName == "Bell, Alexander")
        #expect(dn.uri?.user == "a.g.bell")
        let spaces = try NameAddress(lenient: #""Watson, Thomas" < sip:t.watson@example.org >"#)
        #expect(spaces.uriText == "sip:t.watson@example.org")
        #expect(spaces.uri?.host == .name("example.org"))
        let empty = try NameAddress(lenient: #""Joe" <sip:joe@example.org>;;;;"#)
        #expect(empty.parameters.isEmpty)
        // Still an error: nothing sensible can be recovered.
        #expect(parseError { () throws(SIPParseError) in _ = try NameAddress(lenient: #""Mr. J. User <sip:j@example.com>"#) }?.kind == .unbalanced)
        #expect(parseError { () throws(SIPParseError) in _ = try NameAddress(lenient: "<sip:a@b") }?.kind == .unbalanced)
    }

    @Test(arguments: [
        (#""Mr. J. User <sip:j.user@example.com>"#, SIPParseError.Kind.unbalanced),   // RFC 4475 3.1.2.6
        ("Bell, Alexander <sip:a.g.bell@example.com>", .malformedNameAddress),        // 3.1.2.15
        (#""Watson, Thomas" < sip:t.watson@example.org >"#, .malformedNameAddress),   // 3.1.2.14
        ("sip:user@example.com?Route=%3Csip:sip.example.com%3E", .malformedNameAddress), // 3.1.2.13
        (#""Joe" <sip:joe@example.org>;;;;"#, .malformedNameAddress),                  // 3.1.2.1
        ("<sip:a@b", .unbalanced),
        ("", .malformedNameAddress),
        ("<sip:a@b>;tag=x^", .malformedNameAddress),
    ])
    func rejects(text: String, kind: SIPParseError.Kind) {
        let error = parseError { () throws(SIPParseError) in _ = try NameAddress(parsing: text) }
        #expect(error?.kind == kind)
    }
}
