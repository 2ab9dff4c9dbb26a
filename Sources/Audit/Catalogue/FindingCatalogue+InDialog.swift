// Explanations for the in-dialog codes: what a UA sent in a request inside an established dialog,
// judged by RFC 3261 §12.2.1.1 and by what Kamailio's rr module does with it.
extension FindingCatalogue {
    static func inDialogEntry(_ code: FindingCode) -> ExplainEntry {
        switch code {
        case .routeMissing:
            ExplainEntry(
                code: code,
                title: "An in-dialog request has no Route although the dialog was record-routed",
                why: """
                    With a non-empty route set every in-dialog request must carry it as Route. \
                    Without it the request goes straight to the remote target (bypassing the \
                    proxies) or reaches the first proxy with nothing to pop: Kamailio's \
                    loose_route returns -1 and the default configuration answers 404 "Not here" \
                    (except an ACK matching a transaction). BYE and re-INVITE then fail and calls \
                    hang or are torn down by timers.
                    """,
                fix: """
                    The UA must store the route set from the dialog-forming request/response and \
                    use it for every request in the dialog (check its "record-route"/"outbound \
                    proxy" settings). If the UA cannot, stop record-routing or use topology hiding.
                    """,
                basis: [
                    "RFC 3261 §12.1.1, §12.1.2, §12.2.1.1",
                    "rr-spec §3.2 (no Route: -1), §7 INDIALOG_NO_ROUTE",
                ]
            )
        case .routeSetMismatch:
            ExplainEntry(
                code: code,
                title: "An in-dialog request's Route differs from the dialog's route set",
                why: """
                    The route set is fixed when the dialog is created and must be sent as is. \
                    Missing entries skip proxies (they lose the call state and accounting, NAT \
                    traversal breaks), extra entries send the request to elements that know nothing \
                    of the dialog, and a different order sends it around in a loop or to the wrong \
                    side.
                    """,
                fix: """
                    The UA must use exactly the route set of RFC 3261 §12.1: the request's \
                    Record-Route in order (UAS) or the response's Record-Route reversed (UAC), and \
                    never update it on re-INVITE or later responses.
                    """,
                basis: [
                    "RFC 3261 §12.1.1, §12.1.2, §12.2 (route set not changed by target refresh), §12.2.1.1",
                    "rr-spec §7 RS_UAS_MISMATCH / RS_UAC_MISMATCH",
                ]
            )
        case .routeNotReversed:
            ExplainEntry(
                code: code,
                title: "The caller sent the route set in Record-Route order instead of reversed",
                why: """
                    The UAC must reverse the response's Record-Route. Sent in header order the \
                    first Route names the proxy nearest the callee: the request goes there first, \
                    then back through the others, or the nearest proxy pops a foreign entry. A \
                    classic bug with comma-joined Record-Route values (sipexer #11).
                    """,
                fix: """
                    Fix the UA to reverse the list of all Record-Route values (split comma-joined \
                    headers into values first). With a single proxy the order does not matter.
                    """,
                basis: [
                    "RFC 3261 §12.1.2 (route set in reverse order)",
                    "rr-spec §7 RS_COMMA_REORDER",
                    "miconda/sipexer #11: https://github.com/miconda/sipexer/issues/11",
                ]
            )
        case .routeParamsChanged:
            ExplainEntry(
                code: code,
                title: "A Route entry lost or changed parameters the proxy record-routed",
                why: """
                    Route entries must keep every URI parameter of the Record-Route value. Without \
                    lr the proxy sees a strict router next hop and rewrites the Request-URI; without \
                    r2 it pops only one of its two entries and loops; a changed ftag or a lost \
                    custom parameter (nat=yes, a dialog cookie) makes check_route_param()/ \
                    get_route_param() fail, so the script skips NAT handling, accounting or \
                    dispatching for that request. (A lost ftag alone is reported as FTAG_MISSING.)
                    """,
                fix: """
                    The UA must copy Record-Route values byte for byte. Check for stacks that \
                    normalise URIs, drop unknown parameters or move them outside the <>.
                    """,
                basis: [
                    "RFC 3261 §12.1.1/§12.1.2 (route set keeps all URI parameters), §16.6 step 4 (proxy params mirrored)",
                    "rr-spec §5 check_route_param, §6 #3 #4 #13 #33, §7 RS_PARAMS_LOST",
                    "OpenSIPS #1356: https://github.com/OpenSIPS/opensips/issues/1356",
                ]
            )
        case .strictRouting:
            ExplainEntry(
                code: code,
                title: "A UA routed strictly (proxy URI in the Request-URI) toward loose routers",
                why: """
                    When the first route entry has lr the Request-URI must be the remote target. A \
                    UA that puts the proxy's URI in the Request-URI and the remote target in the \
                    last Route relies on the proxy's strict-router recovery (RFC 3261 §16.4): \
                    Kamailio does it only when the Request-URI host:port is its own and a To tag is \
                    present, takes the last Route as the new Request-URI and may lose parameters; \
                    other elements simply misroute.
                    """,
                fix: """
                    Fix the UA to implement loose routing (§12.2.1.1): Request-URI = remote target, \
                    Route = the route set. Check its "strict routing"/RFC 2543 compatibility option.
                    """,
                basis: [
                    "RFC 3261 §12.2.1.1, §16.4",
                    "rr-spec §3.4 AFTER_STRICT, §6 #23, §7 STRICT_PREV_HOP",
                ]
            )
        case .ruriNotRemoteTarget:
            ExplainEntry(
                code: code,
                title: "The Request-URI of an in-dialog request is not the peer's remote target",
                why: """
                    In a dialog the Request-URI must be the Contact the peer gave (updated only by \
                    target refresh requests and their responses). Another URI (the To URI, the \
                    original Request-URI, a stale Contact) is routed by the last proxy to a \
                    location that may not hold the dialog, so the request is answered 481 or \
                    reaches the wrong device.
                    """,
                fix: """
                    The UA must store the Contact of the dialog-forming response/request and of each \
                    target refresh, and use it as Request-URI.
                    """,
                basis: [
                    "RFC 3261 §12.1.1/§12.1.2 (remote target = Contact), §12.2.1.1, §12.2.1.2 (target refresh)",
                ]
            )
        case .proxyBypassed:
            ExplainEntry(
                code: code,
                title: "An in-dialog request went around a record-routing proxy",
                why: """
                    A proxy that record-routed asked to see every request of the dialog. Sent \
                    directly to the next element, the request skips its dialog state, accounting, \
                    NAT handling and media anchoring; the far end may also reject it (source not \
                    allowed) or answer to an address the sender cannot reach.
                    """,
                fix: """
                    The UA must send the request to the first entry of its route set (or its \
                    outbound proxy), not to the remote target directly.
                    """,
                basis: [
                    "RFC 3261 §12.2.1.1 (send to first Route), §16.6 step 4, §8.1.2",
                ]
            )
        case .ftagMismatch:
            ExplainEntry(
                code: code,
                title: "The ftag in a proxy's Route entry matches neither dialog tag",
                why: """
                    ftag must be the dialog initiator's tag. A value matching neither the From nor \
                    the To tag means the route set came from another dialog (a UA reusing a stale \
                    route set) or was corrupted; is_direction() then answers "upstream" for every \
                    request and direction-dependent logic misbehaves.
                    """,
                fix: """
                    Find the UA that built this route set; it must take it from this dialog's \
                    Record-Route.
                    """,
                basis: [
                    "rr-spec §4 is_direction (any mismatch counts as upstream), §7 FTAG_MISMATCH",
                ]
            )
        case .ftagMissing:
            ExplainEntry(
                code: code,
                title: "A proxy's Route entry lost the ftag its Record-Route carried",
                why: """
                    is_direction() finds no ftag and answers "downstream" for every request, so an \
                    upstream BYE or re-INVITE from the callee is treated as coming from the caller \
                    ($fti/$tti swapped, NAT and topology handling applied to the wrong side).
                    """,
                fix: """
                    The UA must keep every Record-Route parameter in its Route entries.
                    """,
                basis: [
                    "RFC 3261 §12.1.1/§12.1.2 (route set keeps URI parameters)",
                    "rr-spec §4 is_direction (ftag not found → downstream), §5 get_route_param",
                ]
            )
        case .directionMisjudged:
            ExplainEntry(
                code: code,
                title: "Kamailio's is_direction() would answer the wrong direction",
                why: """
                    From the dialog tags the request goes one way, but the ftag in the proxy's \
                    Route entry compared with the request's From tag (case-sensitively) gives the \
                    other; a lost or unreadable ftag counts as downstream. Scripts using \
                    is_direction()/$rdir or $fti/$tti then apply caller-side handling to the callee \
                    or vice versa.
                    """,
                fix: """
                    Make the proxy's ftag the initiator's From tag (record_route() on current \
                    Kamailio) and check the UAs keep tags and Route parameters unchanged.
                    """,
                basis: [
                    "rr-spec §2.4, §4 is_direction, §6 #29 #30 #31",
                    "kamailio #536: https://github.com/kamailio/kamailio/issues/536",
                    "kamailio #1729: https://github.com/kamailio/kamailio/issues/1729",
                ]
            )
        case .cancelRouteMismatch:
            ExplainEntry(
                code: code,
                title: "A CANCEL's Route or Request-URI differs from the INVITE it cancels",
                why: """
                    A CANCEL must follow the INVITE hop by hop: same Request-URI and, when the \
                    INVITE had Route headers, the same Route. A CANCEL routed differently reaches \
                    an element without the INVITE transaction and is answered 481; the call keeps \
                    ringing.
                    """,
                fix: """
                    The UA (or a stateless proxy) must copy Request-URI and Route from the INVITE.
                    """,
                basis: [
                    "RFC 3261 §9.1 (CANCEL Request-URI, Call-ID, To, CSeq number, From and Route as the request)",
                ]
            )
        case .ackRouteMismatch:
            ExplainEntry(
                code: code,
                title: "An ACK to a non-2xx response does not repeat the INVITE's Route",
                why: """
                    The ACK for a failure response is part of the INVITE transaction and must take \
                    the same path with the INVITE's Route (not a route set from the response). \
                    Sent elsewhere, the transaction at the proxy is never acknowledged and the \
                    final response is retransmitted until timer H.
                    """,
                fix: """
                    The UA must build the ACK from the INVITE: same Request-URI and Route headers.
                    """,
                basis: [
                    "RFC 3261 §17.1.1.3 (ACK Route header values equal the original request's)",
                ]
            )
        default:
            preconditionFailure("\(code) is not an in-dialog code")
        }
    }
}
