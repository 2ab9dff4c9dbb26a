import Testing
@testable import SIP

@Suite struct HeaderEntryTests {
    @Test func entriesAreTwelveBytesAndEightyFiveFitOnTheStack() {
        #expect(MemoryLayout<HeaderEntry>.stride == 12)
        #expect(SIPParser.stackHeaders == 85)
    }

    @Test func unknownNamesAreComparedByTheirBytesInAnyCase() throws {
        let m = try SIPParser.parse(message(["OPTIONS sip:a@b SIP/2.0", "X-Foo: 1", "Via-X: 2", "x-FOO: 3", "X-Fop: 4",
                                             "X-Fo: 5", "X-Foo-Bar: 6", "Via: SIP/2.0/UDP h", "X-FOO : 7"]))
        #expect(m.fields(HeaderName("X-FOO")) == ["1", "3", "7"])
        #expect(m.headers(named: HeaderName("x-foo")).map { m.wireName(of: $0) } == ["X-Foo", "x-FOO", "X-FOO"])
        #expect(m.field(HeaderName("x-fop")) == "4")
        #expect(m.field(HeaderName("X-FO")) == "5")
        #expect(m.values(HeaderName("X-Foo-Bar")) == ["6"])
        #expect(m.field(HeaderName("via-x")) == "2")
        #expect(m.fields(.via) == ["SIP/2.0/UDP h"])
        #expect(!m.contains(HeaderName("X-Fooo")) && !m.contains(HeaderName("X-F")) && !m.contains(.contact))
        #expect(m.firstHeader(HeaderName("X-FOP")).map(m.header) == m.headers[3])
        #expect(m.firstHeader(HeaderName("X-FOP")).map(m.name(of:)) == HeaderName("x-fop"))
        #expect(m.headers.map(\.name.isKnown) == [false, false, false, false, false, false, true, false])
        #expect(m.headers[2].name == HeaderName("X-Foo") && m.headers[7].name == HeaderName("x-foo"))
    }

    /// Beyond 32 bytes a `HeaderName` keeps a hash of the rest; beyond 255 its length saturates.
    /// Names that differ only there still find their own fields.
    @Test func longUnknownNamesDifferingLateAreKeptApart() throws {
        let base40 = "X-Extension-Header-Longer-Than-32-Bytes-"
        let base300 = "X-" + String(repeating: "long-", count: 60)
        let names = [base40 + "A", base40 + "B", base300 + "a", base300 + "b", base300 + "ab"]
        let m = try SIPParser.parse(message(["OPTIONS sip:a@b SIP/2.0"] + names.enumerated().map { "\($1): \($0)" }))
        for (i, name) in names.enumerated() {
            #expect(m.fields(HeaderName(name.uppercased())) == ["\(i)"], "\(name)")
            #expect(m.headers[i].name == HeaderName(name.lowercased()))
            #expect(m.wireName(of: m.headers[i]) == name)
        }
    }

    /// Names are found again from the value back: long ones, with or without blanks before the
    /// colon, across much white space and folding before the value, and before an empty value.
    @Test(arguments: [65_534, 65_535, 65_536, 70_000])
    func namesTooLongToCountAreFoundAgain(length: Int) throws {
        let name = "X" + String(repeating: "y", count: length - 1)
        let m = try SIPParser.parse(message(["OPTIONS sip:a@b SIP/2.0", "\(name): one", "\(name.lowercased()) \t: two",
                                             "Call-ID: c"]))
        #expect(m.headers.map(\.rawName.count) == [length, length, 7])
        #expect(m.headerFields.map(\.wireName) == [name, name.lowercased(), "Call-ID"])
        #expect(m.fields(HeaderName(name.uppercased())) == ["one", "two"])
        #expect(m.headers(named: HeaderName(name)).map { m.rawName(of: $0).count } == [length, length])
        #expect(m.callID == "c")
    }

    @Test func namesAreFoundBackFromTheValueOverWhiteSpaceAndFolding() throws {
        let blanks = String(repeating: " \t", count: 40_000)
        let m = try SIPParser.parse(message(["OPTIONS sip:a@b SIP/2.0", "Subject:" + blanks + "far", "X-Empty:", "i :   ",
                                             "Route \t:\r\n  \r\n\t<sip:p1>", "X-A:b:c", "k:\r\n 100rel"]))
        #expect(m.headerFields.map(\.wireName) == ["Subject", "X-Empty", "i", "Route", "X-A", "k"])
        #expect(m.headerFields.map(\.value) == ["far", "", "", "<sip:p1>", "b:c", "100rel"])
        #expect(m.headers.map(\.name) == [.subject, HeaderName("x-empty"), .callID, .route, HeaderName("X-A"), .supported])
        #expect(m.field(HeaderName("x-empty")) == "" && m.field(HeaderName("x-a")) == "b:c")
        #expect(m.headers.map(\.rawName.lowerBound) == [25, 80_038, 80_048, 80_056, 80_081, 80_090])
    }

    @Test func compactFormsAndFoldingThroughTheAccessors() throws {
        let m = try SIPParser.parse(message(["BYE sip:a@b SIP/2.0", "i: abc", "Route: <sip:p1>,", " <sip:p2>", "r: <sip:x>",
                                             "ROUTE: <sip:p3>"]))
        let routes = Array(m.headers(named: .route))
        #expect(routes.map(\.isFolded) == [true, false])
        #expect(routes.map { m.value(of: $0) } == ["<sip:p1>, <sip:p2>", "<sip:p3>"])
        #expect(routes.map { m.wireName(of: $0) } == ["Route", "ROUTE"])
        #expect(m.firstHeader(.callID).map { m.wireName(of: $0) } == "i")
        #expect(m.firstHeader(.referTo).map(m.name(of:)) == HeaderName("Refer-To"))
        #expect(m.firstHeader(.referTo).map(m.value(of:)) == "<sip:x>")
        #expect(m.firstHeader(.contact) == nil)
        #expect(m.headerCount == 4)
    }

    /// Offsets are 32-bit: a header line beyond the limit is an error (never a trap), the body's
    /// end is not limited by it. The limit is lowered here; it is 4 GiB in use.
    @Test func headerLinesBeyondTheOffsetLimitAreRejected() throws {
        var options = SIPParser.Options()
        #expect(options.headerOffsetLimit == Int(UInt32.max))
        let bytes = message(["OPTIONS sip:a@b SIP/2.0", "Call-ID: 1", "X-Far-Away: beyond"], body: "long body ...")
        options.headerOffsetLimit = 40
        let error = parseError { () throws(SIPParseError) in _ = try SIPParser.parse(bytes, options: options) }
        #expect(error?.kind == .malformedHeader)
        #expect(error?.offset == 37)
        options.headerOffsetLimit = 59
        let m = try SIPParser.parse(bytes, options: options)
        #expect(m.field(HeaderName("x-far-away")) == "beyond")
        #expect(Array(m.body) == Array("long body ...".utf8))
    }
}
