/// The parts of a file path the commands show, as `NSString`'s path methods give them
/// (without linking Foundation, which costs every run milliseconds of start-up).
enum PathText {
    /// The last component, trailing slashes ignored: "a/b.pcap" → "b.pcap", "a/b/" → "b", "/" → "/".
    static func lastComponent(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? (path.hasPrefix("/") ? "/" : path)
    }

    /// The extension of the last component without its dot: "x.tar.gz" → "gz"; none for
    /// ".gz" (a hidden file's name) or "file.".
    static func pathExtension(_ path: String) -> String {
        let name = lastComponent(path)
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return String(name[name.index(after: dot)...])
    }
}
