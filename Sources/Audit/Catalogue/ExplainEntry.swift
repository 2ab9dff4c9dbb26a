/// What `rraudit explain CODE` prints for one finding code.
public struct ExplainEntry: Sendable, Hashable {
    public var code: FindingCode
    /// One line: what was seen.
    public var title: String
    /// Why the defect breaks (or may break) calls.
    public var why: String
    /// What to change, and where.
    public var fix: String
    /// The RFC sections, rr-spec sections and Kamailio behaviour or issues the rule follows.
    public var basis: [String]

    public init(code: FindingCode, title: String, why: String, fix: String, basis: [String]) {
        self.code = code
        self.title = title
        self.why = why
        self.fix = fix
        self.basis = basis
    }

    /// The explanation as plain text, paragraphs wrapped at `width` columns.
    public func rendered(width: Int = 92) -> String {
        var lines = ["\(code.rawValue)  (\(code.defaultSeverity), \(code.group.rawValue))", title, ""]
        lines.append("Why it breaks calls:")
        lines += Self.wrap(why, width: width, indent: "  ")
        lines.append("")
        lines.append("How to fix:")
        lines += Self.wrap(fix, width: width, indent: "  ")
        lines.append("")
        lines.append("Basis:")
        for reference in basis {
            lines += Self.wrap(reference, width: width, indent: "  - ", continuation: "    ")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Greedy word wrap; a word longer than the width (a URL) gets a line of its own.
    static func wrap(_ text: String, width: Int, indent: String, continuation: String? = nil) -> [String] {
        var lines: [String] = []
        var current = indent
        var currentHasWord = false
        for word in text.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
            if currentHasWord && current.count + 1 + word.count > width {
                lines.append(current)
                current = continuation ?? indent
                currentHasWord = false
            }
            current += (currentHasWord ? " " : "") + word
            currentHasWord = true
        }
        if currentHasWord { lines.append(current) }
        return lines
    }
}
