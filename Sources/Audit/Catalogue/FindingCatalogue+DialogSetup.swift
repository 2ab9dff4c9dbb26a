// Explanations for the dialog set-up codes: the Record-Route set as proxies built it and as the
// UAS mirrored it in its responses.
extension FindingCatalogue {
    static func dialogSetupEntry(_ code: FindingCode) -> ExplainEntry {
        switch code {
        case .rrNoLR:
            ExplainEntry(
                code: code,
                title: "A Record-Route value lacks ;lr: a strict router (RFC 2543) is on the path",
                why: """
                    Without lr the element is a strict router: UAs must put its URI in the \
                    Request-URI of every in-dialog request and move the remote target to the last \
                    Route (RFC 3261 §12.2.1.1), and loose routers before it must rewrite the \
                    Request-URI (§16.6 step 6). Many UAs and proxies get this wrong; Kamailio's \
                    record_route* always adds lr, so a value without it was written by hand \
                    (append_hf), by another element, or lr was put outside the <> where it is \
                    ignored (OpenSIPS #1356).
                    """,
                fix: """
                    Record-route with record_route()/record_route_preset() (they add ;lr) and keep \
                    lr inside the angle brackets: <sip:proxy;lr>. Replace any strict router on the path.
                    """,
                basis: [
                    "RFC 3261 §16.6 step 4 (a Record-Route value must carry lr), §12.2.1.1, §16.6 step 6",
                    "rr-spec §2.2 (layout of record_route), §3.1 is_loose, §6 #4 #5",
                    "kamailio #267: https://github.com/kamailio/kamailio/issues/267",
                ]
            )
        case .rrLROn:
            ExplainEntry(
                code: code,
                title: "A Record-Route value uses lr=on (enable_full_lr=1)",
                why: """
                    RFC 3261 defines lr as a flag; lr=on is the RFC 2543-bis spelling. Kamailio and \
                    most stacks only look at the parameter name, but some UA stacks do not recognise \
                    lr=on as loose routing and then route strictly (rsipstack #110).
                    """,
                fix: """
                    Set modparam("rr", "enable_full_lr", 0) unless a peer needs lr=on; if a UA \
                    misroutes, check this first.
                    """,
                basis: [
                    "RFC 3261 §19.1.1 (lr is a flag parameter)",
                    "rr-spec §1 enable_full_lr, §3.1 is_loose, §6 #2",
                    "restsend/rsipstack #110: https://github.com/restsend/rsipstack/issues/110",
                ]
            )
        case .rrNotMirrored:
            ExplainEntry(
                code: code,
                title: "The UAS's response does not copy the Record-Route it received",
                why: """
                    The UAC builds its route set from the Record-Route of the 2xx/1xx (reversed). A \
                    UAS (or B2BUA) that drops, reorders or alters values leaves the caller with a \
                    route set that skips or misnames proxies: in-dialog requests (ACK, BYE, \
                    re-INVITE) from the caller then bypass the proxy, or reach it with a Route it does \
                    not recognise as its own, and are answered 404 or lost.
                    """,
                fix: """
                    The UAS must copy every Record-Route value of the request, in order and \
                    unchanged, into every 2xx and 18x with a To tag. Fix or reconfigure the UAS; as \
                    a workaround a proxy can re-add its RR in the reply (Kamailio does not do this \
                    by itself).
                    """,
                basis: [
                    "RFC 3261 §12.1.1 (UAS copies Record-Route into the response), §12.1.2 (UAC uses the response's Record-Route)",
                    "rr-spec §7 RS_UAC_MISMATCH",
                ]
            )
        case .rrChangedInTransit:
            ExplainEntry(
                code: code,
                title: "A Record-Route value changed between two hops of the same message",
                why: """
                    A proxy may only add its own Record-Route value (and rewrite its own value in \
                    responses). When a value that belongs to another element changes between the \
                    copy a proxy received and the copy it sent (a stripped parameter, a rewritten \
                    host, an ALG or SBC touching headers), the two ends learn different route sets \
                    and the owning proxy may not recognise its entry in later requests.
                    """,
                fix: """
                    Find the element between the two captured copies (SIP ALG on a router, SBC, \
                    script doing subst on headers) and stop it rewriting other elements' \
                    Record-Route values.
                    """,
                basis: [
                    "RFC 3261 §16.6 step 4 (a proxy inserts its own value), §16.7 step 9 (it may rewrite only its own value in responses)",
                    "rr-spec §7 RESP_RR_CHANGED",
                ]
            )
        case .rrR2Unpaired:
            ExplainEntry(
                code: code,
                title: "A proxy's r2 Record-Route entries do not come as a pair",
                why: """
                    Kamailio marks the two values of a double Record-Route with r2=on and, in \
                    loose_route, pops the second entry only when the first local entry carries r2. \
                    A single r2 entry makes loose_route pop the next entry even when it belongs to \
                    another proxy (that proxy is skipped); a pair without r2 on the first entry is \
                    popped one at a time, so the request loops through the proxy once more.
                    """,
                fix: """
                    Use record_route() with enable_double_rr (it writes r2=on on both values); with \
                    record_route_preset(addr1, addr2) put ;r2=on in both strings yourself. Do not \
                    remove or add r2 in scripts.
                    """,
                basis: [
                    "RFC 5658 (double Record-Route)",
                    "rr-spec §2.3, §2.6, §3.3 (r2 checked on the first local entry only), §6 #11 #12 #13",
                    "kamailio #1215: https://github.com/kamailio/kamailio/issues/1215",
                ]
            )
        case .rrDoubleMissing:
            ExplainEntry(
                code: code,
                title: "A proxy changed interface or transport but record-routed once",
                why: """
                    A single Record-Route value names one interface. The side on the other \
                    interface or transport then sends its in-dialog requests to an address it may \
                    not reach (private IP, UDP instead of TCP/TLS), and the proxy sends requests \
                    from the wrong socket (kamailio #1428). RFC 5658 asks for one value per side.
                    """,
                fix: """
                    Keep modparam("rr", "enable_double_rr", 1) (or 2 for TLS/WS clients, PR #257) \
                    and use record_route(); with record_route_preset() pass both addresses.
                    """,
                basis: [
                    "RFC 5658 §3 (record-route once per interface)",
                    "rr-spec §2.3 (COND_IF_DIFF_REALMS), §7 RR_DOUBLE_MISSING",
                    "kamailio #1428: https://github.com/kamailio/kamailio/issues/1428",
                    "kamailio PR #257: https://github.com/kamailio/kamailio/pull/257",
                ]
            )
        case .rrIPv6Unbracketed:
            ExplainEntry(
                code: code,
                title: "An IPv6 address in a Record-Route/Route value is not in brackets",
                why: """
                    The SIP grammar requires IPv6 references in URIs to be bracketed; without \
                    brackets the colons are read as a port separator, so the UA or the next proxy \
                    sends to a garbage address and the proxy does not recognise the entry as its own.
                    """,
                fix: """
                    Upgrade Kamailio (fixed in core after issue #1313) or bracket the address in \
                    record_route_preset()/advertise settings: <sip:[2001:db8::1];lr>.
                    """,
                basis: [
                    "RFC 3261 §25.1 (IPv6reference), RFC 5954",
                    "rr-spec §2.2 HOST",
                    "kamailio #1313: https://github.com/kamailio/kamailio/issues/1313",
                ]
            )
        case .rrUnparseable:
            ExplainEntry(
                code: code,
                title: "A Record-Route or Route value cannot be parsed",
                why: """
                    Kamailio's parse_rr requires every value in <>, rejects empty elements (a \
                    trailing comma) and bad URIs; loose_route then returns -1 and the default \
                    configuration answers 404 "Not here". UAs given such a value usually drop it or \
                    the whole route set.
                    """,
                fix: """
                    Write each value as name-addr (<sip:host;lr>), one per header or comma-separated \
                    without empty elements; find the element that wrote it from the first copy it \
                    appears in.
                    """,
                basis: [
                    "RFC 3261 §20.30/§20.34 (Record-Route/Route use name-addr)",
                    "rr-spec §3.1 Route parsing, §6 #6 #10, §7 RS_UNPARSEABLE",
                ]
            )
        case .ftagAbsent:
            ExplainEntry(
                code: code,
                title: "A proxy's Record-Route carries no ftag",
                why: """
                    Nothing breaks by itself: the SIP peers ignore ftag. But with append_fromtag=0 \
                    (the shipped kamailio.cfg) the proxy cannot use is_direction(), $fti/$tti or \
                    modules that need the dialog direction (e.g. NAT or topology handling per \
                    direction).
                    """,
                fix: """
                    If the script needs the direction of in-dialog requests, set \
                    modparam("rr", "append_fromtag", 1).
                    """,
                basis: [
                    "rr-spec §1 append_fromtag, §2.4, §4 is_direction",
                ]
            )
        case .ftagNotInitiator:
            ExplainEntry(
                code: code,
                title: "A proxy's ftag is not the From tag of the dialog initiator",
                why: """
                    is_direction() compares ftag with the From tag of each in-dialog request: \
                    equal means downstream. An ftag holding the callee's tag inverts every \
                    direction decision (NAT fix-ups, accounting, topology hiding) for the dialog. \
                    Old Kamailio versions wrote the To tag's opposite for upstream record_route \
                    (issue #536); hand-written RR or record_route_preset on a re-routed request do \
                    the same.
                    """,
                fix: """
                    Record-route with record_route() on a current Kamailio (ftag is then always the \
                    initiator's tag) and do not build RR by hand.
                    """,
                basis: [
                    "rr-spec §2.4 (ftag source), §4 is_direction",
                    "kamailio #536: https://github.com/kamailio/kamailio/issues/536",
                ]
            )
        case .preloadedRoute:
            ExplainEntry(
                code: code,
                title: "The dialog-forming request carried a pre-loaded Route",
                why: """
                    Legitimate for an outbound proxy (RFC 3261 §8.1.2), but loose_route on an \
                    initial request with a foreign top Route returns 1 and sends the request there, \
                    which can bypass authorization; with only the proxy's own entries it strips \
                    them and returns -3 (false).
                    """,
                fix: """
                    Check that the pre-loaded Route is intended; in Kamailio call loose_route only \
                    for requests with a To tag and remove_hf("Route") (or loose_route_preloaded()) \
                    for initial ones, as the default configuration does.
                    """,
                basis: [
                    "RFC 3261 §8.1.2, §16.4",
                    "rr-spec §3.3 notes, §3.5 (-3 RR_PRELOADED), §6 #20 #21 #22",
                    "kamailio PR #1830: https://github.com/kamailio/kamailio/pull/1830",
                ]
            )
        default:
            preconditionFailure("\(code) is not a dialog set-up code")
        }
    }
}
