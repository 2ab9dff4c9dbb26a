/// Which way a request travels in its dialog, judged from the tags (the truth, unlike Kamailio's
/// ftag-based `is_direction`).
public enum RequestDirection: String, Sendable, Hashable {
    /// From the caller (its From tag is the dialog initiator's tag) toward the callee.
    case downstream
    /// From the callee toward the caller.
    case upstream
}
