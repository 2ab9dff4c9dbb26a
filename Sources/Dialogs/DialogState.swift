/// Where a dialog got to by the time it was reported.
public enum DialogState: String, Sendable, Hashable {
    /// Only provisional responses with a To tag (RFC 3261 12.1), or none at all yet.
    case early
    /// A 2xx (or, for SUBSCRIBE/REFER, a NOTIFY) established it and nothing ended it.
    case confirmed
    /// The dialog-forming request got a final non-2xx response without a CANCEL.
    case rejected
    /// The INVITE was cancelled (CANCEL, then a non-2xx final response or no answer).
    case cancelled
    /// Ended by BYE, or by a NOTIFY with `Subscription-State: terminated`.
    case terminated
}

/// Why the tracker reported a dialog when it did.
public enum DialogEnd: String, Sendable, Hashable {
    /// Ended by its messages (BYE answered, rejected, cancelled, subscription terminated), after a
    /// short linger for retransmissions.
    case ended
    /// No message for `--dialog-timeout` seconds of capture time.
    case expired
    /// Still open when the input ended.
    case endOfInput = "end_of_input"
}
