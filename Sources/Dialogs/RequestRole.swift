/// What part a request plays in its dialog.
public enum RequestRole: String, Sendable, Hashable {
    /// The dialog-forming request (INVITE, SUBSCRIBE, REFER without To tag).
    case initial
    /// A request inside the dialog: ACK to a 2xx, BYE, re-INVITE, UPDATE, INFO, NOTIFY, PRACK...
    /// (RFC 3261 12.2), routed end to end by the route set.
    case inDialog = "in_dialog"
    /// A CANCEL of the initial INVITE (RFC 3261 9.1): hop by hop, same Route as the INVITE.
    case cancel
    /// An ACK to a non-2xx final response: part of the INVITE transaction (RFC 3261 17.1.1.3),
    /// hop by hop, repeating the INVITE's Route.
    case failureACK = "failure_ack"
}
