import Capture
import Testing
@testable import Transport

@Suite struct TCPConnectionTests {
    typealias F = StreamFixture

    @Test func bothDirectionsShareOneKey() {
        let (key, forward) = TCPConnection.Key.of(F.toServer)
        let (reverseKey, reverseForward) = TCPConnection.Key.of(F.toClient)
        #expect(key == reverseKey)
        #expect(forward != reverseForward)
        let v6 = Flow(source: Endpoint(address: .v6(0, 1), port: 5060), destination: F.server, transport: .tcp)
        #expect(TCPConnection.Key.of(v6).key == TCPConnection.Key.of(v6.reversed).key)
        let samePorts = Flow(source: Endpoint(address: .v4(1), port: 7), destination: Endpoint(address: .v4(1), port: 9),
                             transport: .tcp)
        #expect(TCPConnection.Key.of(samePorts).key == TCPConnection.Key.of(samePorts.reversed).key)
    }

    @Test func reuseIsANewSYNNotARetransmittedOne() {
        let (key, forward) = TCPConnection.Key.of(F.toServer)
        var connection = TCPConnection(key: key, time: F.time(0), serial: 1, framing: .default)
        let syn = TCPSegment(flow: F.toServer, sequence: 42, flags: [.syn], payload: [], frame: 1, time: F.time(0))
        connection.receive(syn, forward: forward, limits: .default, emit: { _ in }, problem: { _ in })
        #expect(!connection.isReused(by: syn, forward: forward))
        var other = syn
        other.sequence = 4_000_000
        #expect(connection.isReused(by: other, forward: forward))
    }
}
