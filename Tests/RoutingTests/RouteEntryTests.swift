import Routing
import Testing

@Suite struct RouteEntryTests {
    @Test func parsesDisplayNameURIAndHeaderParams() throws {
        let e = try RouteEntry.parseFields(["\"edge\" <sip:10.0.0.1;lr;ftag=a1>;foo=bar"])
        #expect(e.count == 1)
        #expect(e[0].displayName == "\"edge\"")
        #expect(e[0].uriText == "sip:10.0.0.1;lr;ftag=a1")
        #expect(e[0].headerParams == "foo=bar")
        #expect(e[0].raw == "\"edge\" <sip:10.0.0.1;lr;ftag=a1>;foo=bar")
        #expect(e[0].isLoose)
        #expect(e[0].ftag == "a1")
        #expect(!e[0].hasR2)
    }

    @Test func commaListKeepsOrderFieldsAndOffsets() throws {
        let e = try RouteEntry.parseFields(["<sip:a;lr>, <sip:b;r2=on;lr>", "<sip:c>"])
        #expect(e.map(\.uriText) == ["sip:a;lr", "sip:b;r2=on;lr", "sip:c"])
        #expect(e.map(\.fieldIndex) == [0, 0, 1])
        #expect(e[1].offset == 12)
        #expect(e[1].length == "<sip:b;r2=on;lr>".utf8.count)
        #expect(e[1].hasR2)
        #expect(!e[2].isLoose)
    }

    @Test("lr outside the brackets is a header parameter, not a URI parameter")
    func lrOutsideBracketsIsIgnored() throws {
        let e = try RouteEntry.parseFields(["<sip:gw>;lr"])
        #expect(!e[0].isLoose)
        #expect(e[0].headerParams == "lr")
    }

    @Test func bareURIIsAnError() {
        #expect(throws: RouteParseError.missingAngleBrackets(field: 0, offset: 0)) {
            try RouteEntry.parseFields(["sip:10.0.0.1;lr"])
        }
    }

    @Test func trailingCommaIsAnError() {
        #expect(throws: RouteParseError.textAfterCommaMissing(field: 1, offset: 10)) {
            try RouteEntry.parseFields(["<sip:a;lr>", "<sip:b;lr>,"])
        }
    }

    @Test("Kamailio 5.6 quirk: an empty element is not an error, the comma becomes the display name")
    func emptyElementBecomesDisplayName() throws {
        let e = try RouteEntry.parseFields(["<sip:a;lr>,,<sip:b;lr>"])
        #expect(e.count == 2)
        #expect(e[1].displayName == ",")
        #expect(e[1].uriText == "sip:b;lr")
    }

    @Test("Kamailio quirk: a bare URI before a bracketed one is swallowed as its display name")
    func bareURIThenBracketed() throws {
        let e = try RouteEntry.parseFields(["sip:x;lr, <sip:y;lr>"])
        #expect(e.count == 1)
        #expect(e[0].displayName == "sip:x;lr,")
        #expect(e[0].uriText == "sip:y;lr")
    }

    @Test func quotedDisplayNameMayHoldCommaAndBrackets() throws {
        let e = try RouteEntry.parseFields(["\"a, <b>\" <sip:p;lr>, <sip:q;lr>"])
        #expect(e.map(\.uriText) == ["sip:p;lr", "sip:q;lr"])
    }

    @Test func junkAfterBracketIsAnError() {
        #expect(throws: RouteParseError.commaExpected(field: 0, offset: 8)) {
            try RouteEntry.parseFields(["<sip:a> x"])
        }
        #expect(throws: RouteParseError.emptyHeaderParameters(field: 0, offset: 8)) {
            try RouteEntry.parseFields(["<sip:a>;"])
        }
        #expect(throws: RouteParseError.emptyBody(field: 0)) { try RouteEntry.parseFields([" "]) }
        #expect(throws: RouteParseError.missingClosingBracket(field: 0, offset: 0)) {
            try RouteEntry.parseFields(["<sip:a;lr"])
        }
    }

    @Test func unparsableURIStillGivesAnEntry() throws {
        let e = try RouteEntry.parseFields(["<sip:::1:5060;lr>"])
        #expect(e[0].uri == nil)
        #expect(e[0].isLoose)
    }

    @Test("one field parses as parseFields parses it, a whole-field entry keeping the text as raw")
    func parseFieldAgreesWithParseFields() throws {
        for field in ["<sip:127.0.5.110:18510;transport=tcp;r2=on;lr;ftag=32303c2>",
                      "\"edge\" <sip:10.0.0.1;lr>;foo=bar ", " <sip:a;lr>", "<sip:a;lr>, <sip:b;r2=on;lr>"] {
            #expect(try RouteEntry.parseField(field, index: 0) == RouteEntry.parseFields([field]))
        }
        #expect(try RouteEntry.parseField("<sip:a;lr>", index: 0)[0].raw == "<sip:a;lr>")
        #expect(try RouteEntry.parseField(" <sip:a;lr> ", index: 0)[0].raw == "<sip:a;lr>")
        #expect(try RouteEntry.parseField("<sip:a>;x=1 ,<sip:b>", index: 2).map(\.raw) == ["<sip:a>;x=1", "<sip:b>"])
        #expect(throws: RouteParseError.textAfterCommaMissing(field: 3, offset: 7)) {
            try RouteEntry.parseField("<sip:a>,", index: 3)
        }
    }

    @Test("quotes hide < and > also past the first sixteen bytes, on either side of a block")
    func quotedBracketsInLongValues() throws {
        let e = try RouteEntry.parseFields(["\"a long name <with> \\\" brackets\" <sip:proxy-number-one.example.com;lr>"])
        #expect(e.count == 1)
        #expect(e[0].displayName == "\"a long name <with> \\\" brackets\"")
        #expect(e[0].uriText == "sip:proxy-number-one.example.com;lr")
        let q = try RouteEntry.parseFields(["<sip:proxy-number-one.example.com;x=\"a>b\";lr>"])
        #expect(q[0].uriText == "sip:proxy-number-one.example.com;x=\"a>b\";lr")  // find_not_quoted
        #expect(throws: RouteParseError.missingClosingBracket(field: 0, offset: 0)) {
            try RouteEntry.parseFields(["<sip:proxy-number-one.example.com;lr;ftag=0123456789"])
        }
    }

    @Test("parseSingleValue gives the entry parseField gives for a one-value field, nil otherwise")
    func singleValueMatchesFieldParse() throws {
        let singles = ["<sip:127.0.5.110:18510;transport=tcp;r2=on;lr;ftag=32303c1>",
                       "  \"edge\" <sip:10.0.0.1;lr>;foo=bar ", "<sip:[2001:db8::1]:5061;lr>", "<not a uri>",
                       "<sip:a>;p=\"x,y\""]
        for text in singles {
            let entry = try #require(RouteEntry.parseSingleValue(text))
            #expect(try [entry] == RouteEntry.parseField(text, index: 0))
        }
        // Two values, errors: nil (parseField tells which).
        for text in ["<sip:a;lr>, <sip:b;lr>", "<sip:a>,", "sip:a", "<sip:a> x", "", "  ", "<sip:a>;"] {
            #expect(RouteEntry.parseSingleValue(text) == nil)
        }
    }
}
