import Glibc
import Testing
@testable import rraudit

@Suite struct OutputDirectoryTests {
    static func isDirectory(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0 && status.st_mode & S_IFMT == S_IFDIR
    }

    @Test func createsMissingParentsAndAcceptsAnExistingDirectory() throws {
        let root = "/tmp/rraudit-outdir-\(getpid())"
        defer { _ = system("rm -rf '\(root)'") }
        try OutputDirectory.create(root + "/a/b/c/")
        #expect(Self.isDirectory(root + "/a/b/c"))
        try OutputDirectory.create(root + "/a/b")
    }

    @Test func aFileInThePathIsReportedInTheSystemsWords() throws {
        let root = "/tmp/rraudit-outdir-file-\(getpid())"
        defer { _ = system("rm -rf '\(root)'") }
        try OutputDirectory.create(root)
        let file = root + "/plain"
        let descriptor = open(file, O_CREAT | O_WRONLY, 0o644)
        #expect(descriptor >= 0)
        close(descriptor)
        #expect(throws: OutputDirectory.CreateError(reason: "Not a directory")) { try OutputDirectory.create(file + "/sub") }
        #expect(throws: OutputDirectory.CreateError(reason: "Not a directory")) { try OutputDirectory.create(file) }
    }
}
