import Audit

/// ANSI colour for the text report, or none.
///
/// Colour is decided once by the caller (`--color`, whether stdout is a terminal, `NO_COLOR`);
/// this type only applies it.
public struct TextStyle: Sendable {
    public var colored: Bool

    public init(colored: Bool) { self.colored = colored }

    /// Whether to colour: `auto` colours only a terminal; `NO_COLOR` (any non-empty value,
    /// no-color.org) turns colour off whatever was asked.
    public static func colored(choice: ColorChoice, isTerminal: Bool, noColor: String?) -> Bool {
        if let noColor, !noColor.isEmpty { return false }
        switch choice {
        case .always: return true
        case .never: return false
        case .auto: return isTerminal
        }
    }

    private func wrap(_ text: String, _ code: String) -> String {
        colored ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    func bold(_ text: String) -> String { wrap(text, "1") }
    func dim(_ text: String) -> String { wrap(text, "2") }
    func green(_ text: String) -> String { wrap(text, "32") }

    func severity(_ severity: Severity, _ text: String) -> String {
        switch severity {
        case .error: wrap(text, "1;31")
        case .warning: wrap(text, "33")
        case .info: wrap(text, "36")
        }
    }
}

/// `--color auto|always|never`.
public enum ColorChoice: String, Sendable, CaseIterable {
    case auto, always, never
}
