import Capture
import Testing
@testable import Transport

@Suite struct HEPPacketTests {
    typealias P = PacketBuilder

    func hepChunk(_ type: Int, _ value: [UInt8]) -> [UInt8] { P.be16(0) + P.be16(type) + P.be16(6 + value.count) + value }

    func hep3(payload: [UInt8] = P.sip, protocolType: UInt8 = 1, protocolNumber: UInt8 = 6, omitPorts: Bool = false) -> [UInt8] {
        var chunks = hepChunk(1, [2]) + hepChunk(2, [protocolNumber]) + hepChunk(3, [10, 0, 0, 1]) + hepChunk(4, [10, 0, 0, 2])
        if !omitPorts { chunks += hepChunk(7, P.be16(5070)) + hepChunk(8, P.be16(5080)) }
        chunks += hepChunk(9, P.be32(1_700_000_000)) + hepChunk(10, P.be32(250_000)) + hepChunk(11, [protocolType])
            + hepChunk(12, P.be32(2001)) + hepChunk(15, payload)
        return Array("HEP3".utf8) + P.be16(6 + chunks.count) + chunks
    }

    func onUDP(_ hep: [UInt8], number: Int = 1) -> Frame {
        P.frame(P.ipv4(payload: P.udp(source: 40000, destination: 9060, payload: hep)), linkType: .raw, number: number)
    }

    @Test func hep3GivesTheOriginalFlowTimeAndTransport() throws {
        let result = P.decode(onUDP(hep3()))
        let payload = try #require(result.payloads.first)
        #expect(payload.viaHEP && payload.bytes == P.sip)
        #expect(payload.flow.description == "10.0.0.1:5070 -> 10.0.0.2:5080/tcp")
        #expect(payload.time == CaptureTime(seconds: 1_700_000_000, nanoseconds: 250_000_000))
        #expect(result.statistics.hepPackets == 1 && result.statistics.sipPayloads[.tcp] == 1)
    }

    @Test func hep3OtherPayloadTypesAreSkipped() {
        let result = P.decode(onUDP(hep3(payload: [0x80, 0xc8, 0, 6], protocolType: 5)))
        #expect(result.payloads.isEmpty && result.problems.isEmpty)
    }

    @Test func hep3WithoutPortsIsMalformed() {
        #expect(P.decode(onUDP(hep3(omitPorts: true))).statistics.problems[.malformedHEP] == 1)
    }

    @Test func hep3LengthsThatLieAreMalformed() {
        var bogusTotal = hep3()
        bogusTotal[5] = 0xff
        #expect(P.decode(onUDP(bogusTotal)).statistics.problems[.malformedHEP] == 1)
        var bogusChunk = hep3()
        bogusChunk[11] = 0x02  // first chunk length 2 < 6
        #expect(P.decode(onUDP(bogusChunk)).statistics.problems[.malformedHEP] == 1)
        var wrongSize = hep3()
        wrongSize[6 + 7 + 5] = 8  // the protocol chunk (type 2, 7 bytes) claims one extra byte
        #expect(P.decode(onUDP(wrongSize)).statistics.problems[.malformedHEP] == 1)
    }

    @Test func hep3PayloadThatIsNotSIPIsMalformed() {
        #expect(P.decode(onUDP(hep3(payload: Array("garbage here".utf8)))).statistics.problems[.malformedHEP] == 1)
    }

    @Test func hepVersion2AsKamailioSendsIt() throws {
        // hep_hdr (version 2, length 16, AF_INET, UDP, ports) + IPv4 addresses + padded 12-byte time header.
        let header: [UInt8] = [2, 16, 2, 17] + P.be16(5060) + P.be16(5062) + [127, 0, 1, 5, 127, 0, 1, 6]
        let time: [UInt8] = [0x00, 0xf1, 0x53, 0x65, 0x10, 0x27, 0, 0, 1, 0, 0, 0]  // LE 1700000000 s, 10000 us
        let payload = try #require(P.decode(onUDP(header + time + P.sip)).payloads.first)
        #expect(payload.flow.description == "127.0.1.5:5060 -> 127.0.1.6:5062/udp" && payload.viaHEP)
        #expect(payload.time == CaptureTime(seconds: 1_700_000_000, nanoseconds: 10_000_000))
    }

    @Test func hepVersion1IPv6() throws {
        let header: [UInt8] = [1, 40, 10, 6] + P.be16(5060) + P.be16(5060) + P.v6Source + P.v6Destination
        let payload = try #require(P.decode(onUDP(header + P.sip)).payloads.first)
        #expect(payload.flow.source.description == "[2001:db8::1]:5060" && payload.flow.transport == .tcp)
    }
}

/// HEP v3 and v2 as Kamailio 5.6's siptrace really sends them (Scripts/make-hep-capture made the fixtures).
@Suite struct HEPFromKamailioTests {
    @Test(arguments: ["kamailio-siptrace-hep3.pcap", "kamailio-siptrace-hep2.pcap"])
    func siptraceHEPCarriesTheOriginalFlowAndTime(_ fixture: String) throws {
        let path = Corpus.packageRoot.appendingPathComponent("Tests/TransportTests/Fixtures/\(fixture)").path
        let pipeline = try DecodePipeline(paths: [path])
        var payloads: [SIPPayload] = []
        pipeline.run(emit: { payloads.append($0) }, problem: { _ in })
        let hep = try #require(payloads.first { $0.viaHEP })
        // The duplicate went 127.0.1.10 -> 127.0.1.11:15090; HEP names the original hop.
        #expect(hep.flow.description == "127.0.1.12:15071 -> 127.0.1.10:15070/udp")
        #expect(String(decoding: hep.bytes, as: UTF8.self).hasPrefix("OPTIONS sip:probe@127.0.1.10:15070 SIP/2.0\r\n"))
        let direct = try #require(payloads.first { !$0.viaHEP && $0.bytes == hep.bytes })
        #expect(abs(hep.time.seconds(since: direct.time)) < 1)
        #expect(pipeline.statistics.problemCount == 0 && pipeline.statistics.hepPackets == 1)
    }
}
