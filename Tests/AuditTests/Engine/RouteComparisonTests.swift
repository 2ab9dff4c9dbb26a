import Testing
import Transport
@testable import Audit

struct RouteComparisonTests {
    static func values(_ raw: [String]) -> [RouteValue] { raw.map(RouteValue.init) }

    @Test func oneLostEntryIsOneMissingEntry() {
        let expected = Self.values(["<sip:a.example;lr>", "<sip:b.example;lr>", "<sip:c.example;lr>"])
        let observed = Self.values(["<sip:a.example;lr>", "<sip:c.example;lr;x=1>"])
        let difference = RouteComparison.difference(expected: expected, observed: observed)
        #expect(difference.missing.map(\.raw) == ["<sip:b.example;lr>"])
        #expect(difference.extra.isEmpty)
        #expect(!difference.reordered)
        #expect(difference.matched.count == 2)
        #expect(difference.altered.map(\.observed.raw) == ["<sip:c.example;lr;x=1>"])
        #expect(difference.summary(missing: "misses", extra: "adds", reordered: "reordered") == "misses <sip:b.example;lr>")
    }

    @Test func sameEntriesOtherOrderIsReordered() {
        let expected = Self.values(["<sip:a.example;lr>", "<sip:b.example;lr>"])
        let difference = RouteComparison.difference(expected: expected, observed: expected.reversed())
        #expect(difference.reordered)
        #expect(difference.missing.isEmpty && difference.extra.isEmpty)
    }

    /// Elements: default port, IPv6 spelling and host case do not matter; the user part does.
    @Test func elementsNormaliseHostAndPort() {
        #expect(RouteValue("<sip:127.0.0.10;lr>").element == RouteValue("<sip:127.0.0.10:5060;lr;ftag=x>").element)
        #expect(RouteValue("<sips:P.Example;lr>").element == RouteValue("<sips:p.example:5061>").element)
        #expect(RouteValue("<sip:[2001:DB8:0::1];lr>").element == RouteValue("<sip:[2001:db8::1]:5060>").element)
        #expect(RouteValue("<sip:u@127.0.0.10;lr>").element != RouteValue("<sip:127.0.0.10;lr>").element)
    }

    @Test func parameterChanges() {
        let changes = RouteComparison.parameterChanges(expected: RouteValue("<sip:p;lr;ftag=a1;nat=yes>"),
                                                       observed: RouteValue("<sip:p;LR;ftag=A1;x>"))
        #expect(changes.map(\.text) == [";ftag=a1 → ;ftag=A1", ";nat=yes → (lost)", "(none) → ;x"])
    }

    @Test func splitParametersKeepsQuotedSemicolons() {
        let parameters = RouteComparison.splitParameters(#"lr; Name="a;b" ;flag"#)
        #expect(parameters == [URIParameter(name: "lr", value: nil), URIParameter(name: "name", value: #""a;b""#),
                               URIParameter(name: "flag", value: nil)])
    }

    @Test func uriEquivalence() {
        #expect(RouteComparison.equivalentURIs("sip:bob@127.0.0.2:5062;transport=udp", "sip:bob@127.0.0.2:5062;TRANSPORT=UDP"))
        #expect(!RouteComparison.equivalentURIs("sip:bob@127.0.0.2:5062", "sip:bob@127.0.0.2"))
        #expect(!RouteComparison.equivalentURIs("sip:bob@b.example", "sip:bob@127.0.0.2:5062"))
    }

    @Test func destinations() {
        #expect(RouteComparison.destinations(of: "sip:127.0.0.10;lr").map(\.description) == ["127.0.0.10:5060"])
        #expect(RouteComparison.destinations(of: "sips:127.0.0.10").map(\.description) == ["127.0.0.10:5061"])
        #expect(RouteComparison.destinations(of: "sip:[::1]:5070;transport=tcp").map(\.description) == ["[::1]:5070"])
        // maddr replaces the host (rr-spec §3.1).
        #expect(RouteComparison.destinations(of: "sip:p.example:5080;maddr=10.1.1.1").map(\.description) == ["10.1.1.1:5080"])
        // A NAT alias names the real destination as well.
        #expect(RouteComparison.destinations(of: "sip:u@192.168.0.2:5062;alias=203.0.113.9~40000~1").map(\.description)
                == ["203.0.113.9:40000", "192.168.0.2:5062"])
        #expect(RouteComparison.destinations(of: "sip:bob@b.example").isEmpty)
    }

    @Test func routeFieldsSplitIntoValues() {
        #expect(RouteComparison.values(ofFields: ["<sip:a;lr>, <sip:b;lr>", "<sip:c;lr>", "sip:broken"])
                == ["<sip:a;lr>", "<sip:b;lr>", "<sip:c;lr>", "sip:broken"])
    }

    /// Thousands of Route values (a crafted message) are compared in bounded time.
    @Test func hugeRouteListsAreBounded() {
        let expected = Self.values(["<sip:a.example;lr>"])
        let observed = Self.values((0..<5000).map { "<sip:h\($0).example;lr>" })
        let difference = RouteComparison.difference(expected: expected, observed: observed)
        #expect(difference.missing.map(\.raw) == ["<sip:a.example;lr>"])
        #expect(difference.extra.count == 5000)
    }
}
