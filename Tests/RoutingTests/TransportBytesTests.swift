import Testing
@testable import Routing

/// The URI's transport is read from its bytes: the same answer as `init(transportParameter:)`.
@Suite struct TransportBytesTests {
    @Test func bytesAgreeWithTheString() {
        let names = ["udp", "TCP", "Tls", "sctp", "WS", "wss", "quic", "", "tc", "tcpx", "t\u{212A}p", "tcp\u{301}", "UDP "]
        for name in names {
            let viaBytes = Array(name.utf8).withUnsafeBufferPointer { SocketProtocol(transportBytes: $0) }
            #expect(viaBytes == SocketProtocol(transportParameter: name), "\(name)")
        }
    }

    @Test func uriTransportIsTheParameter() throws {
        #expect(try RouteURI(parsing: "sip:p;lr;transport=TCP").transport == .tcp)
        #expect(try RouteURI(parsing: "sip:p;TRANSPORT=Wss;lr").transport == .wss)
        #expect(try RouteURI(parsing: "sip:p;transport=quic").transport == nil)
        #expect(try RouteURI(parsing: "sip:p;transport").transport == nil)
        #expect(try RouteURI(parsing: "sip:p;lr").transport == nil)
    }
}
