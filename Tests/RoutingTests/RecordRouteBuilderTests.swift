import Routing
import Testing

@Suite struct RecordRouteBuilderTests {
    let udpIn = ListeningSocket(proto: .udp, address: "203.0.113.5", port: 5060)
    let tcpOut = ListeningSocket(proto: .tcp, address: "10.0.0.1", port: 5060)

    func branch(_ ruri: String = "sip:bob@192.0.2.7", receive: ListeningSocket, send: ListeningSocket,
                from: String? = "a1") -> RecordRouteBuilder.Branch {
        .init(requestURI: ruri, fromTag: from, toTag: nil, receiveSocket: receive, sendSocket: send)
    }

    @Test("rr-spec §2.3 example: UDP in, TCP out gives two r2 headers, send side on top")
    func doubleRecordRoute() {
        let rr = RecordRouteBuilder().recordRoute(branch(receive: udpIn, send: tcpOut))
        #expect(rr == ["<sip:10.0.0.1;transport=tcp;r2=on;lr;ftag=a1>", "<sip:203.0.113.5;r2=on;lr;ftag=a1>"])
    }

    @Test func singleRecordRouteOnOneSocket() {
        let tls = ListeningSocket(proto: .tls, address: "10.0.0.1", port: 5061)
        let rr = RecordRouteBuilder(settings: RRSettings(enableFullLR: true))
            .recordRoute(branch("sips:bob@example.com", receive: tls, send: tls, from: nil), params: ";nat=yes")
        #expect(rr == ["<sips:10.0.0.1:5061;transport=tls;lr=on;nat=yes>"])
    }

    @Test func upstreamRequestWritesToTagAsFtag() {
        var b = branch(receive: udpIn, send: udpIn, from: "b2")
        b.toTag = "a1"
        b.isUpstream = true
        #expect(RecordRouteBuilder().recordRoute(b) == ["<sip:203.0.113.5;lr;ftag=a1>"])
    }

    @Test func webSocketIsWrittenAsWS() {
        let wss = ListeningSocket(proto: .wss, address: "10.0.0.1", port: 443)
        let rr = RecordRouteBuilder(settings: RRSettings(enableDoubleRR: 0))
            .recordRoute(branch(receive: wss, send: udpIn))
        #expect(rr == ["<sip:10.0.0.1:443;transport=ws;lr;ftag=a1>"])
    }

    @Test func advertisedAddressOnTheOutgoingSideAlwaysHasItsPort() {
        let adv = ListeningSocket(proto: .udp, address: "10.0.0.9", port: 5080,
                                  advertisedHost: "198.51.100.1", advertisedPort: 5060)
        let rr = RecordRouteBuilder().recordRoute(branch(receive: udpIn, send: adv))
        #expect(rr == ["<sip:198.51.100.1:5060;r2=on;lr;ftag=a1>", "<sip:203.0.113.5;r2=on;lr;ftag=a1>"])
    }

    @Test func presetPutsLRLastAndNeedsDoubleForTwoAddresses() {
        let b = branch(receive: udpIn, send: udpIn)
        #expect(RecordRouteBuilder().recordRoutePreset(b, address: "edge.example;p=1", addedAfter: ";z=9")
                    == ["<sip:edge.example;p=1;ftag=a1;lr;z=9>"])
        #expect(RecordRouteBuilder(settings: RRSettings(enableDoubleRR: 0))
                    .recordRoutePreset(b, address: "a", secondAddress: "b") == nil)
    }

    @Test func addUsernameUsesOriginalRequestURIUser() {
        var b = branch("sip:192.0.2.7", receive: udpIn, send: udpIn)
        b.originalRequestURI = "sip:carol@example.com"
        #expect(RecordRouteBuilder(settings: RRSettings(addUsername: true)).recordRoute(b)
                    == ["<sip:carol@203.0.113.5;lr;ftag=a1>"])
    }

    @Test func advertisedAddressFunction() {
        let b = branch(receive: tcpOut, send: udpIn)
        #expect(RecordRouteBuilder().recordRouteAdvertisedAddress(b, address: "edge.example")
                    == ["<sip:edge.example;transport=udp;r2=on;ftag=a1;lr>",
                        "<sip:edge.example;transport=tcp;r2=on;ftag=a1;lr>"])
        #expect(RecordRouteBuilder(settings: RRSettings(enableDoubleRR: 0))
                    .recordRouteAdvertisedAddress(b, address: "edge.example")
                    == ["<sip:edge.example;transport=tcp;ftag=a1;lr>"])
    }
}
