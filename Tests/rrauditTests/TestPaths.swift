import Foundation

/// Where the tests find real captures.
enum TestPaths {
    /// The package root (this file is Tests/rrauditTests/TestPaths.swift).
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let samples = packageRoot.appendingPathComponent("samples")

    /// `../shared/corpus/public` relative to the package root, else `/work/shared/corpus/public`;
    /// nil when neither exists (the corpus is not part of the repository).
    static let publicCorpus: URL? = {
        let candidates = [packageRoot.appendingPathComponent("../shared/corpus/public").standardizedFileURL,
                          URL(fileURLWithPath: "/work/shared/corpus/public")]
        return candidates.first { FileManager.default.fileExists(atPath: $0.path) }
    }()

    /// A fresh empty directory under the temporary directory.
    static func scratch(_ name: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("rraudit-\(name)-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
