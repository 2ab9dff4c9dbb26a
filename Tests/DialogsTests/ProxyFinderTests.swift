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

@Test func onlyTheFirstHopOfTheFormingRequestSetsTheRecordRoute() {
    var finder = ProxyFinder()
    let proxy = finder.addHop(receivedOn: address(1), sentFrom: address(2))
    #expect(finder.awaitsRecordRoute(proxy: proxy) && !finder.awaitsRecordRoute(proxy: proxy + 1))
    finder.noteRecordRoute(proxy: proxy, incoming: ["<sip:p2;lr>"], outgoing: ["<sip:p1;lr>", "<sip:p2;lr>"])
    #expect(!finder.awaitsRecordRoute(proxy: proxy))
    finder.noteRecordRoute(proxy: proxy, incoming: [], outgoing: ["<sip:other;lr>"])
    #expect(finder.proxies[proxy].recordRoute == ["<sip:p1;lr>"] && finder.proxies[proxy].hasRecordRouteEvidence)
}
