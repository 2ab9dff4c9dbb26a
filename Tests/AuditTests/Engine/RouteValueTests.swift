import Testing
@testable import Audit

struct RouteValueTests {
    @Test func parsesLikeKamailio() {
        let value = RouteValue(#""edge" <sip:127.0.0.10;r2=on;lr=on;ftag=a1>;hp=1"#)
        #expect(value.hasURI)
        #expect(value.uriText == "sip:127.0.0.10;r2=on;lr=on;ftag=a1")
        #expect(value.isLoose && value.hasR2 && value.lrHasValue)
        #expect(value.ftag == "a1")
        // Header parameters after '>' are not URI parameters.
        #expect(!value.parameters.contains { $0.name == "hp" })
    }

    @Test func unparseableValues() {
        #expect(!RouteValue("sip:127.0.0.10;lr").hasURI)
        #expect(RouteValue("sip:127.0.0.10;lr").parseError != nil)
        #expect(!RouteValue("<sip:127.0.0.10;lr>, <sip:b;lr>").hasURI)
    }

    @Test func unbracketedIPv6() {
        #expect(RouteValue("<sip:2001:db8::1;lr>").hasUnbracketedIPv6)
        #expect(RouteValue("<sip:user@2001:db8::1:5060;lr>").hasUnbracketedIPv6)
        #expect(!RouteValue("<sip:[2001:db8::1]:5060;lr>").hasUnbracketedIPv6)
        #expect(!RouteValue("<sip:127.0.0.1:5060;lr>").hasUnbracketedIPv6)
    }
}
