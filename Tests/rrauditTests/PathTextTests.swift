import Testing
@testable import rraudit

@Suite struct PathTextTests {
    /// The expected values are what Foundation's `NSString` path methods return for the same paths
    /// (checked with Swift 6.3.1 on Linux), which the commands used before.
    @Test(arguments: [
        ("a/b.pcap", "b.pcap", "pcap"), (".pcap", ".pcap", ""), ("a/.gz", ".gz", ""),
        ("x.tar.gz", "x.tar.gz", "gz"), ("a.b/c", "c", ""), ("a/b/", "b", ""), ("/", "/", ""),
        ("file.", "file.", ""), ("a/b.PCAP/", "b.PCAP", "PCAP"), ("", "", ""),
    ])
    func lastComponentAndExtensionMatchNSString(path: String, last: String, pathExtension: String) {
        #expect(PathText.lastComponent(path) == last)
        #expect(PathText.pathExtension(path) == pathExtension)
    }
}
