#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The `--output-dir` of `rraudit batch`: created with its missing parents, as `mkdir -p` does.
enum OutputDirectory {
    /// Why the directory cannot be used, in the system's words.
    struct CreateError: Error, Equatable, CustomStringConvertible {
        var reason: String
        var description: String { reason }
    }

    /// Creates `path` and its missing parents; an existing directory is fine.
    static func create(_ path: String) throws(CreateError) {
        var prefix = path.hasPrefix("/") ? "/" : ""
        for component in path.split(separator: "/") {
            prefix += component
            if mkdir(prefix, 0o755) != 0 && errno != EEXIST {
                throw CreateError(reason: String(cString: strerror(errno)))
            }
            prefix += "/"
        }
        var status = stat()
        guard stat(path, &status) == 0 else { throw CreateError(reason: String(cString: strerror(errno))) }
        guard status.st_mode & S_IFMT == S_IFDIR else { throw CreateError(reason: String(cString: strerror(ENOTDIR))) }
    }
}
