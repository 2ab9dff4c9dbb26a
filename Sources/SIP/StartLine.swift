/// The first line of a SIP message (RFC 3261 7.1, 7.2).
public enum StartLine: Sendable, Equatable {
    /// `Method SP Request-URI SP SIP/2.0`. The Request-URI text is kept as on the wire.
    case request(method: SIPMethod, requestURI: String)
    /// `SIP/2.0 SP Status-Code SP Reason-Phrase`.
    case response(statusCode: Int, reasonPhrase: String)
}
