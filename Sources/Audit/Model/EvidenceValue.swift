/// One value in a finding's evidence: only what JSON writes without a schema.
public enum EvidenceValue: Sendable, Hashable, CustomStringConvertible {
    case string(String)
    case int(Int)
    case bool(Bool)
    case strings([String])

    /// Plain text for terminal output: strings bare, lists comma-joined in brackets.
    public var description: String {
        switch self {
        case .string(let text): text
        case .int(let number): String(number)
        case .bool(let flag): flag ? "true" : "false"
        case .strings(let list): "[" + list.joined(separator: ", ") + "]"
        }
    }
}

extension EvidenceValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: String...) { self = .strings(elements) }
}
