import Foundation
import Glibc
import Transport

/// Replays the SIP messages of a real capture over UDP between sockets on 127.0.8.x, so a live
/// capture on `lo` sees them again. Only addresses are rewritten: 127.0.5.x becomes 127.0.8.x and
/// port p becomes p + 1000 (18xxx → 19xxx), on the wire and in the message text alike; both keep
/// their length, so Content-Length stays right.
struct LoopbackReplay {
    struct Datagram {
        var source: (address: String, port: UInt16)
        var destination: (address: String, port: UInt16)
        var bytes: [UInt8]
    }

    enum ReplayError: Error { case unsupported(String), socket(String) }

    private(set) var datagrams: [Datagram] = []

    init(capture path: String) throws {
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
            return ("127.0.8." + text.dropFirst("127.0.5.".count), endpoint.port + 1000)
        }
        for payload in payloads {
            var text = String(decoding: payload.bytes, as: UTF8.self).replacingOccurrences(of: "127.0.5.", with: "127.0.8.")
            for port in ports { text = text.replacingOccurrences(of: ":\(port)", with: ":\(port + 1000)") }
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
