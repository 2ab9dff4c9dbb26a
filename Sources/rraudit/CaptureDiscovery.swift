import FoundationEssentials

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
            var isDirectory = false
            if manager.fileExists(atPath: argument, isDirectory: &isDirectory), isDirectory {
                let prefix = argument.hasSuffix("/") ? argument : argument + "/"
                var found: [String] = []
                // The walk does not follow symbolic links to directories, so a loop cannot recurse
                // forever; an unreadable directory adds nothing.
                for relative in (try? manager.subpathsOfDirectory(atPath: argument)) ?? [] {
                    guard extensions.contains(PathText.pathExtension(relative).lowercased()) else { continue }
                    var isDir = false
                    if manager.fileExists(atPath: prefix + relative, isDirectory: &isDir), !isDir { found.append(relative) }
                }
                paths += found.sorted().map { (prefix + $0, $0) }
            } else {
                paths.append((argument, PathText.lastComponent(argument)))
            }
        }
        var used = Set<String>()
        return paths.map { entry in
            let base = String(entry.relative.map { $0 == "/" ? "_" : $0 })
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
