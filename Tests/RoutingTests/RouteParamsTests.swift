import Routing
import Testing

@Suite struct RouteParamsTests {
    @Test func unanchoredCaseInsensitiveSearch() throws {
        #expect(try RouteParams.checkRouteParam("nat=yes", in: ";lr;NAT=YES"))
        #expect(try RouteParams.checkRouteParam("nat=yes", in: ";lr;xnat=yesno"))
        #expect(try !RouteParams.checkRouteParam("nat=yes", in: nil))
        #expect(try !RouteParams.checkRouteParam(".*", in: ""))
    }

    @Test("POSIX ERE semantics, not Swift Regex: classes under REG_ICASE, no \\d, anchors per line")
    func posixSemantics() throws {
        // glibc: [[:upper:]] with REG_ICASE matches lower-case letters too.
        #expect(try RouteParams.checkRouteParam("[[:upper:]]", in: ";lr"))
        // \d is not a digit class in POSIX ERE (glibc reads it as a literal d).
        #expect(try !RouteParams.checkRouteParam("x=\\d", in: ";x=1"))
        #expect(try RouteParams.checkRouteParam("x=[0-9]", in: ";x=1"))
        #expect(try RouteParams.checkRouteParam("^;lr", in: ";lr;x=1"))
        #expect(try !RouteParams.checkRouteParam("^lr", in: ";lr;x=1"))
        // REG_NEWLINE: ^ also matches after a newline.
        #expect(try RouteParams.checkRouteParam("^b", in: "a\nb"))
    }

    @Test func invalidRegexThrows() {
        #expect(throws: POSIXRegex.CompileError.self) { try RouteParams.checkRouteParam("a(", in: ";a") }
    }

    @Test func getRouteParamQuirks() {
        #expect(RouteParams.getRouteParam("ftag", in: "lr;ftag=a1;nat=yes") == "a1")
        #expect(RouteParams.getRouteParam("ftag", in: "lr; ftag = a1") == "a1")
        #expect(RouteParams.getRouteParam("ftag", in: "lr;ftag=\"a 1\"") == "a 1")
        #expect(RouteParams.getRouteParam("ftag", in: "lr;FTAG=a1") == nil)
        #expect(RouteParams.getRouteParam("ftag", in: "lr;ftagx=a1") == nil)
        #expect(RouteParams.getRouteParam("nat", in: "lr;nat;x=1") == "")
        // Length quirk: needs more than name-length + 2 characters left.
        #expect(RouteParams.getRouteParam("ftag", in: "ftag=a") == nil)
        #expect(RouteParams.getRouteParam("ftag", in: "lr;ftag=a") == "a")
        #expect(RouteParams.getRouteParam("nat", in: "lr;x=1;nat") == nil)
        #expect(RouteParams.getRouteParam("ftag", in: "lr;ftag=") == nil)
    }
}
