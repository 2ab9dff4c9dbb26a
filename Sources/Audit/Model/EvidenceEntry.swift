/// One key of a finding's evidence, in the order the rule wrote it.
public struct EvidenceEntry: Sendable, Hashable {
    public var key: String
    public var value: EvidenceValue

    public init(_ key: String, _ value: EvidenceValue) {
        self.key = key
        self.value = value
    }
}
