@testable import Dialogs
import Testing
import Transport

private func address(_ last: UInt32, _ port: UInt16 = 5060) -> TransportAddress {
    TransportAddress(Endpoint(address: .v4(0x0A00_0000 | last), port: port), .udp)
}

@Test func hopsSharingAnAddressMakeOneProxy() {
    var finder = ProxyFinder()
    #expect(finder.addHop(receivedOn: address(1), sentFrom: address(2)) == 0)
    #expect(finder.addHop(receivedOn: address(3), sentFrom: address(4)) == 1)
    #expect(finder.addHop(receivedOn: address(2), sentFrom: address(2)) == 0)  // already known
    // A hop from the first proxy's address to the second's: one element on two interfaces.
    #expect(finder.addHop(receivedOn: address(2), sentFrom: address(3)) == 0)
    #expect(finder.proxies.count == 1)
    #expect(finder.proxies[0].addresses == [address(1), address(2), address(3), address(4)])
    #expect(finder.proxies[0].isObserved)
}
