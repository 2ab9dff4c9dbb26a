import Routing
import Testing

/// `withHostBytes` lends what `host` holds; `parameter(lowercase:)` finds what `parameter(_:)` finds.
@Suite struct RouteURIHostBytesTests {
    @Test(arguments: ["sip:u@127.0.0.1:5060;lr", "sip:[2001:db8::1]:5060", "sips:Proxy.Example;maddr=10.0.0.1", "tel:+123;x=1"])
    func hostBytesAreTheHost(_ text: String) throws {
        let uri = try RouteURI(parsing: text)
        #expect(uri.withHostBytes { String(decoding: $0, as: UTF8.self) } == uri.host)
        for name in ["alias", "maddr", "x", "lr"] {
            let lowercase: String?
            switch name {
            case "alias": lowercase = uri.parameter(lowercase: "alias")
            case "maddr": lowercase = uri.parameter(lowercase: "maddr")
            case "x": lowercase = uri.parameter(lowercase: "x")
            default: lowercase = uri.parameter(lowercase: "lr")
            }
            #expect(lowercase == uri.parameter(name), "\(text) \(name)")
        }
    }
}
