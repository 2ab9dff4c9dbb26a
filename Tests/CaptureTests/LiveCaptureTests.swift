import Foundation
import Glibc
import Testing
@testable import Capture

@Suite struct LiveCaptureTests {
    static let isRoot = getuid() == 0

    /// Sends one UDP datagram from 127.0.1.1 to 127.0.1.1:15060 with a plain socket.
    func sendOptions() throws {
        let descriptor = socket(AF_INET, Int32(SOCK_DGRAM.rawValue), 0)
        try #require(descriptor >= 0)
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(15060).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.1.1")
        let message = Array("OPTIONS sip:probe@127.0.1.1:15060 SIP/2.0\r\nContent-Length: 0\r\n\r\n".utf8)
        let sent = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                sendto(descriptor, message, message.count, 0, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        #expect(sent == message.count)
    }

    @Test(.enabled(if: LiveCaptureTests.isRoot, "live capture needs root (CAP_NET_RAW); not root, so skipped"),
          .timeLimit(.minutes(1)))
    func capturesUDPOnLoopbackWithAFilter() throws {
        let capture = try LiveCapture(interface: "lo", filter: "udp and dst host 127.0.1.1 and dst port 15060",
                                      options: .init(snapshotLength: 65_535, timeoutMilliseconds: 100))
        try sendOptions()
        var found: Frame?
        for _ in 0..<50 where found == nil {
            if case .packet(let frame) = try capture.next() { found = frame }
        }
        let frame = try #require(found, "the datagram sent to 127.0.1.1:15060 was not captured")
        #expect(frame.number == 1)
        #expect(String(decoding: frame.bytes, as: UTF8.self).contains("OPTIONS sip:probe@127.0.1.1:15060 SIP/2.0"))
        let statistics = try capture.statistics()
        #expect(statistics.received >= 1)
    }

    @Test(.enabled(if: LiveCaptureTests.isRoot, "live capture needs root; skipped"))
    func badLiveFilterAndInterfaceAreTypedErrors() {
        #expect(throws: CaptureError.self) { try LiveCapture(interface: "lo", filter: "port port") }
        #expect(throws: CaptureError.self) { try LiveCapture(interface: "rraudit-no-such-if0") }
    }
}
