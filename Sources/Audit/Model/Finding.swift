/// A routing defect found in one dialog: what the reports print and `--fail-on` counts.
public struct Finding: Sendable, Hashable {
    public var code: FindingCode
    public var severity: Severity
    /// Which input file the dialog came from (index into the analysed file list).
    public var fileIndex: Int
    public var callID: String
    /// The frame (numbered from 1, as Wireshark does) of the message that shows the defect.
    public var frame: Int
    /// The proxy concerned, written `ip:port/transport`, when the finding is about one.
    public var proxy: String?
    /// One line, naming the proxy or Route entry concerned.
    public var message: String
    /// Expected versus observed values, keys in a stable order (e.g. `expected`, `observed`).
    public var evidence: [EvidenceEntry]

    public init(code: FindingCode, severity: Severity? = nil, fileIndex: Int, callID: String, frame: Int,
                proxy: String? = nil, message: String, evidence: [EvidenceEntry] = []) {
        self.code = code
        self.severity = severity ?? code.defaultSeverity
        self.fileIndex = fileIndex
        self.callID = callID
        self.frame = frame
        self.proxy = proxy
        // The contract promises one line; a rule quoting a header must not break it.
        self.message = message.split(whereSeparator: \.isNewline).joined(separator: " ")
        self.evidence = evidence
    }

    /// The evidence value under `key`, if the rule wrote one.
    public subscript(evidence key: String) -> EvidenceValue? {
        evidence.first { $0.key == key }?.value
    }
}
