import Testing
@testable import Transport

@Suite struct IPAddressTests {
    @Test func formatsIPv4() {
        #expect(IPAddress(v4: [127, 0, 0, 10]).description == "127.0.0.10")
        #expect(IPAddress(v4: [0, 9, 99, 255]).description == "0.9.99.255")
        #expect(IPAddress(v4: [100, 200, 10, 1]).description == "100.200.10.1")
    }

    @Test func formatsIPv6CanonicallyPerRFC5952() {
        let loopback = IPAddress(v6: [UInt8](repeating: 0, count: 15) + [1])
        #expect(loopback.description == "::1")
        let doc: [UInt8] = [0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1]
        #expect(IPAddress(v6: doc).description == "2001:db8::1:0:0:1")
        #expect(Endpoint(address: loopback, port: 5060).description == "[::1]:5060")
    }
}
