import Testing
import Routing
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

    /// `ftag` and `lrHasValue` are kept from one pass over the parameters; they must say what the
    /// full parameter list says, also for odd spellings.
    @Test(arguments: [
        "<sip:p.example;lr;ftag=a1>", "<sip:p.example;LR=on;FTAG=B2>", "<sip:p.example;ftag;ftag=x;lr>",
        "<sip:p.example; ftag = t1 ;lr = 1>", #"<sip:p.example;x="a;ftag=q";ftag=r>"#, "<sip:p.example;lr>",
        "<sip:p.example>", "<sip:p.example;=v;lr=>", "<sip:p.example;fTaG=Mixed;Lr>",
        // Names outside ASCII never lower-case to `ftag` or `lr` (only KELVIN SIGN lowers to ASCII).
        "<sip:p.example;\u{130}lr=1;ftag\u{130}=z;ftag=y>", "<sip:p.example;\u{212A}lr=1;lr\u{301}=2;lr>",
        "<sip:p.example;FTA\u{1E9E}=s;\u{FF26}tag=w>",
    ])
    func keptParametersAgreeWithTheList(_ raw: String) {
        let value = RouteValue(raw)
        #expect(value.ftag == value.parameters.first { $0.name == "ftag" }?.value)
        #expect(value.lrHasValue == value.parameters.contains { $0.name == "lr" && $0.value != nil })
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

    /// The byte loops of `hasUnbracketedIPv6` answer as the slice algorithms they replaced, on
    /// every arrangement of the bytes that matter.
    @Test func unbracketedIPv6AgreesWithTheSliceReading() {
        func reference(_ text: String) -> Bool {
            let uri = Array(text.utf8)
            guard let colon = uri.firstIndex(of: UInt8(ascii: ":")) else { return false }
            var start = colon + 1
            if let at = uri[start...].lastIndex(of: UInt8(ascii: "@")) { start = at + 1 }
            let hostPort = uri[start...].prefix { $0 != UInt8(ascii: ";") && $0 != UInt8(ascii: "?") }
            return hostPort.first != UInt8(ascii: "[") && hostPort.count { $0 == UInt8(ascii: ":") } >= 2
        }
        let pieces = ["sip", ":", "@", "[", "]", ";", "?", "a", "1", "::"]
        var texts = [""]
        for _ in 0..<5 { texts = texts.flatMap { text in pieces.map { text + $0 } } }
        for text in texts {
            #expect(RouteValue("<\(text)>").hasUnbracketedIPv6 == reference(RouteValue("<\(text)>").uriText), "\(text)")
        }
    }

    /// One pass gives ftag and lr's value as the parameter list does, and lr, r2, gr and the
    /// transport as the URI's own scans do, on every arrangement of a few tricky pieces (quotes, escapes, empty
    /// parts, case, values).
    @Test func parameterScanAgreesWithTheURIAndTheList() throws {
        let pieces = ["lr", "LR=on", "r2", "R2=x", "gr", "gR=", "ftag=a", "FTAG", "x=\"q;lr\"", "\\", ";", "=", "y",
                      "transport=TCP", "TRANSPORT"]
        var sections = [""]
        for _ in 0..<3 { sections = sections.flatMap { section in pieces.map { section.isEmpty ? $0 : section + ";" + $0 } } }
        var flagged = 0
        for section in sections {
            guard let uri = try? RouteURI(parsing: "sip:h.example;" + section) else { continue }
            let scan = uri.withParameterBytes(RouteComparison.scanParameters)
            let list = RouteComparison.splitParameters(uri.params)
            #expect(scan.ftag == list.first { $0.name == "ftag" }?.value, "\(section)")
            #expect(scan.lrHasValue == list.contains { $0.name == "lr" && $0.value != nil }, "\(section)")
            #expect(RouteValue("<sip:h.example;\(section)>").transport == uri.transport, "\(section)")
            guard let flags = scan.flags else { continue }
            flagged += 1
            #expect(flags.lr == uri.isLoose && flags.r2 == uri.hasR2 && flags.gr == uri.hasGRUU, "\(section)")
        }
        #expect(flagged > 1_000)
    }
}
