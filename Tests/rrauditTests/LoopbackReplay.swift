import Foundation
import Glibc
import Transport

/// Replays the SIP messages of a real capture over UDP between sockets on 127.0.N.x, so a live
/// capture on `lo` sees them again. Only addresses are rewritten: 127.0.5.x becomes 127.0.N.x and
/// port p becomes p + offset, on the wire and in the message text alike; both keep their length
/// (N is one digit, ports stay five), so Content-Length stays right. `Lane.ofThisProcess` picks
/// N and the offset from the process id, so that two test processes replaying at once (e.g. in
/// two working copies) are unlikely to capture each other's messages.
struct LoopbackReplay {
    /// Where a replay's copies go: the third octet of their 127.0.N.x addresses and the offset
    /// added to their 18xxx ports.
    struct Lane {
        let octet: Int
        let portOffset: UInt16

        /// One of 4 x 46 lanes (octets 6 to 9, offsets 1,000 to 46,000), by process id.
        static let ofThisProcess: Lane = {
            let id = Int(getpid())
            return Lane(octet: 6 + id % 4, portOffset: UInt16(1000 * (1 + id / 4 % 46)))
        }()

        /// The addresses' prefix, "127.0.N.".
        var prefix: String { "127.0.\(octet)." }
        /// The lowest and highest port a replay in this lane uses.
        var ports: ClosedRange<UInt16> { 18000 + portOffset...18999 + portOffset }
        /// A capture filter that sees this lane only.
        var filter: String { "udp and net \(prefix)0/24 and portrange \(ports.lowerBound)-\(ports.upperBound)" }
    }

    struct Datagram {
        var source: (address: String, port: UInt16)
        var destination: (address: String, port: UInt16)
        var bytes: [UInt8]
    }

    enum ReplayError: Error { case unsupported(String), socket(String) }

    private(set) var datagrams: [Datagram] = []
    let lane: Lane

    init(capture path: String, lane: Lane = .ofThisProcess) throws {
        self.lane = lane
        let pipeline = try DecodePipeline(paths: [path])
        var payloads: [SIPPayload] = []
        pipeline.run(emit: { payloads.append($0) }, problem: { _ in })
        var ports = Set<UInt16>()
        for payload in payloads {
            guard payload.flow.transport == .udp else { throw ReplayError.unsupported("not UDP: \(payload.flow)") }
            ports.insert(payload.flow.source.port)
            ports.insert(payload.flow.destination.port)
        }
        guard ports.allSatisfy({ (18000...18999).contains($0) }) else { throw ReplayError.unsupported("ports \(ports)") }
        func map(_ endpoint: Endpoint) throws -> (String, UInt16) {
            let text = endpoint.address.description
            guard text.hasPrefix("127.0.5.") else { throw ReplayError.unsupported("address \(text)") }
            return (lane.prefix + text.dropFirst("127.0.5.".count), endpoint.port + lane.portOffset)
        }
        for payload in payloads {
            var text = String(decoding: payload.bytes, as: UTF8.self).replacingOccurrences(of: "127.0.5.", with: lane.prefix)
            for port in ports { text = text.replacingOccurrences(of: ":\(port)", with: ":\(port + lane.portOffset)") }
            datagrams.append(Datagram(source: try map(payload.flow.source), destination: try map(payload.flow.destination),
                                      bytes: Array(text.utf8)))
        }
    }

    /// Every endpoint involved, sending or receiving.
    var endpoints: [String: (address: String, port: UInt16)] {
        var all: [String: (address: String, port: UInt16)] = [:]
        for datagram in datagrams {
            all["\(datagram.source.address):\(datagram.source.port)"] = datagram.source
            all["\(datagram.destination.address):\(datagram.destination.port)"] = datagram.destination
        }
        return all
    }

    /// Sends every datagram in capture order, `gap` seconds apart, from a socket bound to its
    /// source; sockets are closed on return.
    func send(gap: Double = 0.003) throws {
        var sockets: [String: Int32] = [:]
        defer { for descriptor in sockets.values { close(descriptor) } }
        for (key, endpoint) in endpoints {
            let descriptor = socket(AF_INET, Int32(SOCK_DGRAM.rawValue), 0)
            guard descriptor >= 0 else { throw ReplayError.socket("socket: \(errno)") }
            sockets[key] = descriptor
            var one: Int32 = 1
            setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
            var address = Self.socketAddress(endpoint.address, endpoint.port)
            let bound = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            guard bound == 0 else { throw ReplayError.socket("bind \(key): errno \(errno)") }
        }
        for datagram in datagrams {
            guard let descriptor = sockets["\(datagram.source.address):\(datagram.source.port)"] else { continue }
            var address = Self.socketAddress(datagram.destination.address, datagram.destination.port)
            let sent = datagram.bytes.withUnsafeBytes { bytes in
                withUnsafePointer(to: &address) {
                    $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                        sendto(descriptor, bytes.baseAddress, bytes.count, 0, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                    }
                }
            }
            guard sent == datagram.bytes.count else { throw ReplayError.socket("sendto: errno \(errno)") }
            usleep(useconds_t(gap * 1_000_000))
        }
    }

    private static func socketAddress(_ text: String, _ port: UInt16) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        inet_pton(AF_INET, text, &address.sin_addr)
        return address
    }
}
