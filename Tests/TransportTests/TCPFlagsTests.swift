import Testing
@testable import Transport

@Suite struct TCPFlagsTests {
    @Test func rawValuesAreTheHeaderBits() {
        // RFC 9293 3.1: flags byte 13 of the header; 0x12 is a SYN-ACK, 0x11 a FIN-ACK.
        #expect(TCPFlags(rawValue: 0x12) == [.syn, .ack])
        #expect(TCPFlags(rawValue: 0x11) == [.fin, .ack])
        #expect(TCPFlags(rawValue: 0x1c) == [.rst, .psh, .ack])
    }
}
