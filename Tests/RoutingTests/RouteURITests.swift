import Routing
import Testing

@Suite struct RouteURITests {
    @Test func splitsSIPURI() throws {
        let u = try RouteURI(parsing: "sips:alice@[2001:DB8::1]:5061;transport=tls;lr?Subject=x")
        #expect(u.scheme == "sips")
        #expect(u.user == "alice")
        #expect(u.host == "[2001:DB8::1]")
        #expect(u.hostWithoutBrackets == "2001:DB8::1")
        #expect(u.port == 5061)
        #expect(u.params == "transport=tls;lr")
        #expect(u.headers == "Subject=x")
        #expect(u.transport == .tls)
        #expect(u.isLoose)
    }

    @Test func telURIHasNoHost() throws {
        let u = try RouteURI(parsing: "tel:+15551234;lr")
        #expect(u.host == nil)
        #expect(u.user == "+15551234")
        #expect(u.isLoose)
    }

    @Test(arguments: ["sip:::1:5060;lr", "sip:bob@", " sip:10.0.0.1", "sip:h:50a", "sip:h:5060:5060",
                      "http://x", "sip:h:70000", "nocolon"])
    func rejectsWhatParseURIRejects(text: String) {
        #expect(throws: RouteParseError.invalidURI(text)) { try RouteURI(parsing: text) }
    }

    @Test func maddrRuleDropsSchemeAndParameters() throws {
        #expect(try RouteURI(parsing: "sips:q:5070;maddr=10.1.1.1;transport=tcp;lr").afterMaddrRule
                    == "sip:10.1.1.1:5070")
        #expect(try RouteURI(parsing: "sip:q.example;maddr=10.1.1.1;lr").afterMaddrRule == "sip:10.1.1.1")
        #expect(try RouteURI(parsing: "sip:q;lr").afterMaddrRule == "sip:q;lr")
    }

    @Test func gruuParameterIsSeen() throws {
        #expect(try RouteURI(parsing: "sip:p;lr;gr").hasGRUU)
        #expect(try !RouteURI(parsing: "sip:p;lr;grx=1").hasGRUU)
        #expect(try RouteURI(parsing: "sip:p;lr;GR=urn:x").hasGRUU)
        #expect(try !RouteURI(parsing: "sip:p;ftag=g;lr").hasGRUU)   // g and r apart: no parameter read
    }

    @Test func parameterBytesAreTheParams() throws {
        for text in ["sip:p;lr;ftag=a1?h=1", "sip:u@p:5060;transport=tcp;r2=on", "sip:p", "tel:+1;x"] {
            let uri = try RouteURI(parsing: text)
            #expect(uri.withParameterBytes { String(decoding: $0, as: UTF8.self) } == uri.params)
        }
    }

    @Test func delimitersAreFoundBetweenPlainBytes() throws {
        let u = try RouteURI(parsing: "sip:a;b@host-1.example:5060;ftag=x@y;lr?h=a;b@c")
        #expect(u.user == "a;b")
        #expect(u.host == "host-1.example")
        #expect(u.params == "ftag=x@y;lr")
        #expect(u.headers == "h=a;b@c")
        for bad in ["sip:host.example;lr;x=a b", "sip:10.0.0.1:5060\t", "sip:h<1>", "sip:u@h;p=\r\n"] {
            #expect(throws: RouteParseError.invalidURI(bad)) { try RouteURI(parsing: bad) }
        }
    }
}
