/// The direction of an in-dialog request relative to the dialog initiator.
public enum Direction: String, Sendable, Hashable {
    /// From the caller (dialog initiator) towards the callee.
    case downstream
    /// From the callee back towards the caller.
    case upstream

    /// What Kamailio's `is_direction()` concludes (loose.c, rr-spec §4): `ftag` from the routed
    /// parameters (``LooseRouteOutcome/routedParams``, via `get_route_param`) compared byte-for-byte
    /// (case-sensitive) with the From tag. No ftag, an empty ftag, or no From tag → downstream;
    /// a mismatch → upstream (the To tag is not consulted).
    public static func kamailio(routedParams: String?, fromTag: String?) -> Direction {
        kamailio(ftag: routedParams.flatMap { RouteParams.getRouteParam("ftag", in: $0) }, fromTag: fromTag)
    }

    /// `is_direction()` with the ftag already read from the routed parameters (`get_route_param`),
    /// for callers that judge many requests routed alike.
    public static func kamailio(ftag: String?, fromTag: String?) -> Direction {
        guard let ftag, !ftag.isEmpty else { return .downstream }
        guard let fromTag, !fromTag.isEmpty else { return .downstream }
        return fromTag == ftag ? .downstream : .upstream
    }

    /// The true direction of a request from the dialog's tags (RFC 3261 §12): downstream when the
    /// request's From tag is the caller's tag, upstream when its To tag is; `nil` when neither
    /// (a request from another dialog, or without tags).
    public static func trueDirection(fromTag: String?, toTag: String?, dialogCallerTag: String) -> Direction? {
        if fromTag == dialogCallerTag { return .downstream }
        if toTag == dialogCallerTag { return .upstream }
        return nil
    }
}
