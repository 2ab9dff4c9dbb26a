import Dialogs
import Testing
import Transport

@Test(arguments: [
    ("127.0.0.10", "127.0.0.10:5060"),
    ("127.0.0.10:5070", "127.0.0.10:5070"),
    ("[::1]:5080", "[::1]:5080"),
    ("::1", "[::1]:5060"),
    ("[2001:db8::10]", "[2001:db8::10]:5060"),
    ("::ffff:10.0.0.1", "[::ffff:a00:1]:5060"),
])
func parsesProxyAddresses(text: String, expected: String) {
    #expect(Endpoint(proxyAddress: text)?.description == expected)
}

@Test(arguments: ["proxy.example", "127.0.0.256", "1.2.3", "[::1", "127.0.0.1:99999", "1::2::3", ""])
func rejectsWhatIsNotAnIPAddress(text: String) {
    #expect(Endpoint(proxyAddress: text) == nil)
}
