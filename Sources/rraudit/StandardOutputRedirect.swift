import ArgumentParser
import Glibc

/// `--output FILE`: sends everything the command prints to standard output into `path` instead
/// (created or truncated), so every report format writes through the same `print` calls.
///
/// - Throws: `ExitCode(2)` after one line on stderr when the file cannot be opened.
func redirectStandardOutput(to path: String) throws(ExitCode) {
    fflush(nil)
    let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    guard descriptor >= 0 else {
        printError("rraudit: cannot write --output '\(path)': \(String(cString: strerror(errno)))")
        throw ExitCode(2)
    }
    defer { close(descriptor) }
    guard dup2(descriptor, STDOUT_FILENO) >= 0 else {
        printError("rraudit: cannot write --output '\(path)': \(String(cString: strerror(errno)))")
        throw ExitCode(2)
    }
}
