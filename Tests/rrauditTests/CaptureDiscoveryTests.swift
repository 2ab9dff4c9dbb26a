import Foundation
import Testing
@testable import rraudit

@Suite struct CaptureDiscoveryTests {
    @Test func directoriesAreSearchedRecursivelyForCaptureExtensions() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("rraudit-discovery-\(getpid())")
        defer { try? FileManager.default.removeItem(at: root) }
        for name in ["a.pcap", "sub/b.pcapng", "sub/deeper/c.cap", "sub/d.pcap.gz", "notes.txt", "sub/a.pcap"] {
            let url = root.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data().write(to: url)
        }
        let jobs = CaptureDiscovery.jobs(for: [root.path, "/nonexistent/x.pcap"])
        #expect(jobs.map(\.reportName) == ["a.pcap", "sub_a.pcap", "sub_b.pcapng", "sub_d.pcap.gz", "sub_deeper_c.cap", "x.pcap"])
        #expect(jobs.last?.path == "/nonexistent/x.pcap")
        #expect(Set(jobs.map(\.reportName)).count == jobs.count)
    }

    @Test func aSymbolicLinkLoopIsNotFollowed() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("rraudit-discovery-loop-\(getpid())")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("sub"), withIntermediateDirectories: true)
        try Data().write(to: root.appendingPathComponent("sub/a.pcap"))
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("sub/loop").path, withDestinationPath: root.path)
        let jobs = CaptureDiscovery.jobs(for: [root.path])
        #expect(jobs.map(\.reportName) == ["sub_a.pcap"])
    }

    @Test func sameNameTwiceGetsDistinctReportNames() {
        let jobs = CaptureDiscovery.jobs(for: ["/x/a.pcap", "/y/a.pcap"])
        #expect(jobs.map(\.reportName) == ["a.pcap", "a.pcap-2"])
    }
}
