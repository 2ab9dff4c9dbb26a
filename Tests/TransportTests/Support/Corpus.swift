import Foundation

/// Locates the shared public corpus (`../shared/corpus/public` beside the package, as in CI) and the
/// committed tshark counts.
enum Corpus {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var directory: String? {
        let candidates = [packageRoot.deletingLastPathComponent().appendingPathComponent("shared/corpus/public").path,
                          "/work/shared/corpus/public"]
        return candidates.first { FileManager.default.fileExists(atPath: $0) }
    }

    struct Expectation {
        var file: String
        var tshark: Int
        /// rraudit's count when it knowingly differs from tshark, with the reason.
        var rraudit: Int?
        var why: String?
        var expected: Int { rraudit ?? tshark }
    }

    static func sipCounts() throws -> [Expectation] {
        let url = packageRoot.appendingPathComponent("Tests/TransportTests/Fixtures/corpus-sip-counts.tsv")
        return try String(contentsOf: url, encoding: .utf8).split(separator: "\n")
            .filter { !$0.hasPrefix("#") && !$0.isEmpty }
            .compactMap { line in
                let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
                guard fields.count >= 2, let tshark = Int(fields[1]) else { return nil }
                return Expectation(file: fields[0], tshark: tshark, rraudit: fields.count > 2 ? Int(fields[2]) : nil,
                                   why: fields.count > 3 ? fields[3] : nil)
            }
    }

    /// Every capture file in the corpus, relative to it.
    static func captures(in directory: String) -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: directory)
        var found: [String] = []
        while let path = enumerator?.nextObject() as? String {
            if path.hasSuffix(".pcap") || path.hasSuffix(".pcapng") || path.hasSuffix(".pcap.gz") { found.append(path) }
        }
        return found.sorted()
    }
}
