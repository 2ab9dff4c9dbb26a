import Foundation

/// The capture files a batch covers: files named on the command line as given, directories
/// searched recursively for `.pcap`, `.pcapng`, `.cap` and `.gz` files (sorted, so runs repeat).
struct CaptureDiscovery {
    /// One capture to analyse and the name its reports get in `--output-dir`.
    struct Job: Sendable, Hashable {
        var path: String
        /// Unique within the batch: the path below the directory argument, `/` replaced by `_`.
        var reportName: String
    }

    static let extensions = ["pcap", "pcapng", "cap", "gz"]

    /// The jobs for `arguments`, in argument order. A missing path is kept (its analysis reports
    /// the error); a directory without captures adds nothing.
    static func jobs(for arguments: [String]) -> [Job] {
        let manager = FileManager.default
        var paths: [(path: String, relative: String)] = []
        for argument in arguments {
            var isDirectory: ObjCBool = false
            if manager.fileExists(atPath: argument, isDirectory: &isDirectory), isDirectory.boolValue {
                let root = URL(fileURLWithPath: argument)
                var found: [String] = []
                // The enumerator does not follow symbolic links to directories, so a loop cannot recurse forever.
                if let enumerator = manager.enumerator(atPath: argument) {
                    while let relative = enumerator.nextObject() as? String {
                        let ext = (relative as NSString).pathExtension.lowercased()
                        guard extensions.contains(ext) else { continue }
                        var isDir: ObjCBool = false
                        let full = root.appendingPathComponent(relative).path
                        if manager.fileExists(atPath: full, isDirectory: &isDir), !isDir.boolValue { found.append(relative) }
                    }
                }
                let prefix = argument.hasSuffix("/") ? argument : argument + "/"
                paths += found.sorted().map { (prefix + $0, $0) }
            } else {
                paths.append((argument, (argument as NSString).lastPathComponent))
            }
        }
        var used = Set<String>()
        return paths.map { entry in
            let base = entry.relative.replacingOccurrences(of: "/", with: "_")
            var name = base
            var suffix = 2
            while !used.insert(name).inserted {
                name = "\(base)-\(suffix)"
                suffix += 1
            }
            return Job(path: entry.path, reportName: name)
        }
    }
}
