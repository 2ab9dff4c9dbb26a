import Foundation

/// Writes small pcap and pcapng files byte by byte for the Capture tests.
enum CaptureFileWriter {
    struct Packet {
        var seconds: UInt32
        var subseconds: UInt32
        var bytes: [UInt8]
        var originalLength: Int?
    }

    static func le32(_ value: UInt32) -> [UInt8] { withUnsafeBytes(of: value.littleEndian, Array.init) }
    static func be32(_ value: UInt32) -> [UInt8] { withUnsafeBytes(of: value.bigEndian, Array.init) }
    static func le16(_ value: UInt16) -> [UInt8] { withUnsafeBytes(of: value.littleEndian, Array.init) }
    static func be16(_ value: UInt16) -> [UInt8] { withUnsafeBytes(of: value.bigEndian, Array.init) }

    /// A classic pcap file; `nanosecond` picks the 0xa1b23c4d magic, `bigEndian` the byte order.
    static func pcap(_ packets: [Packet], linkType: UInt32 = 1, nanosecond: Bool = false, bigEndian: Bool = false) -> [UInt8] {
        let u32 = bigEndian ? be32 : le32
        let u16 = bigEndian ? be16 : le16
        var bytes = u32(nanosecond ? 0xa1b2_3c4d : 0xa1b2_c3d4) + u16(2) + u16(4) + u32(0) + u32(0) + u32(262_144) + u32(linkType)
        for packet in packets {
            bytes += u32(packet.seconds) + u32(packet.subseconds) + u32(UInt32(packet.bytes.count))
                + u32(UInt32(packet.originalLength ?? packet.bytes.count)) + packet.bytes
        }
        return bytes
    }

    /// A pcapng file with one interface per link type and one enhanced packet block per packet,
    /// `(interface, bytes)` (microsecond time stamps, little-endian).
    static func pcapng(interfaces: [UInt16], packets: [(Int, [UInt8])]) -> [UInt8] {
        func block(_ type: UInt32, _ body: [UInt8]) -> [UInt8] {
            let padded = body + [UInt8](repeating: 0, count: (4 - body.count % 4) % 4)
            let length = UInt32(12 + padded.count)
            return le32(type) + le32(length) + padded + le32(length)
        }
        var bytes = block(0x0a0d_0d0a, le32(0x1a2b_3c4d) + le16(1) + le16(0) + [UInt8](repeating: 0xff, count: 8))
        for linkType in interfaces { bytes += block(1, le16(linkType) + le16(0) + le32(262_144)) }
        for (index, (interface, data)) in packets.enumerated() {
            let stamp = UInt64(1_700_000_000 + index) * 1_000_000
            bytes += block(6, le32(UInt32(interface)) + le32(UInt32(stamp >> 32)) + le32(UInt32(stamp & 0xffff_ffff))
                + le32(UInt32(data.count)) + le32(UInt32(data.count)) + data)
        }
        return bytes
    }

    /// An Ethernet/IPv4 frame carrying `protocolNumber` with an 8-byte zero payload (UDP 17, TCP 6).
    static func ethernetIPv4(protocolNumber: UInt8) -> [UInt8] {
        let transport = [UInt8](repeating: 0, count: protocolNumber == 6 ? 20 : 8)
        let ip: [UInt8] = [0x45, 0] + be16(UInt16(20 + transport.count)) + [0, 1, 0, 0, 64, protocolNumber, 0, 0,
                                                                              127, 0, 1, 1, 127, 0, 1, 2]
        return [2, 0, 0, 0, 0, 2, 2, 0, 0, 0, 0, 1, 0x08, 0x00] + ip + transport
    }

    /// A fresh temporary directory for one test.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("rraudit-capture-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func write(_ bytes: [UInt8], to url: URL) throws -> String {
        try Data(bytes).write(to: url)
        return url.path
    }

    /// Gzips `path` with the system gzip (keeps the original) and returns the .gz path.
    static func gzip(_ path: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/gzip")
        process.arguments = ["-k", "-f", path]
        try process.run()
        process.waitUntilExit()
        return path + ".gz"
    }

    static var corpus: String? {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        return [root.deletingLastPathComponent().appendingPathComponent("shared/corpus/public").path, "/work/shared/corpus/public"]
            .first { FileManager.default.fileExists(atPath: $0) }
    }
}
