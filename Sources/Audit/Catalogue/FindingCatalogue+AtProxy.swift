// Explanations for the at-a-proxy codes: the copy a proxy received compared with the copy it sent,
// judged by what Kamailio's loose_route() must have done (rr-spec §3).
extension FindingCatalogue {
    static func atProxyEntry(_ code: FindingCode) -> ExplainEntry {
        switch code {
        case .proxyNotPopped:
            ExplainEntry(
                code: code,
                title: "A proxy forwarded a request still carrying its own Route entry",
                why: """
                    A proxy must remove the Route value that names it (RFC 3261 §16.4). Left in \
                    place, the next element sends the request back to the proxy (a loop until \
                    Max-Forwards runs out, 483) or the UA sees a Route it cannot use. In Kamailio \
                    this means loose_route() was not called for the request, or the entry was not \
                    recognised as "myself" (address, port — 5060 is assumed when none is written, \
                    even for TLS — or an alias missing).
                    """,
                fix: """
                    Call loose_route() for every request with a To tag, and make the proxy know all \
                    the addresses it record-routes with (listen=, alias=, advertise).
                    """,
                basis: [
                    "RFC 3261 §16.4",
                    "rr-spec §3.1 is_myself (port default 5060, transport ignored), §3.3, §6 #15 #17",
                    "kamailio PR #830: https://github.com/kamailio/kamailio/pull/830",
                ]
            )
        case .proxyPoppedForeign:
            ExplainEntry(
                code: code,
                title: "A proxy removed a Route entry that is not its own",
                why: """
                    The entry named the next proxy, which is now skipped. Kamailio does this when \
                    its first local entry carries r2 but the UA dropped its second entry: \
                    loose_route pops whatever follows (logging "second RR uri is not myself").
                    """,
                fix: """
                    Make the UA keep both r2 entries (see ROUTE_SET_MISMATCH / ROUTE_PARAMS_CHANGED) \
                    and do not edit Route headers in the script.
                    """,
                basis: [
                    "RFC 3261 §16.4 (only the proxy's own value is removed)",
                    "rr-spec §3.3 (r2 pops the next entry unchecked), §6 #12",
                ]
            )
        case .nextHopWrong:
            ExplainEntry(
                code: code,
                title: "A proxy sent a request somewhere other than its next hop",
                why: """
                    After Route processing the next hop is the first remaining Route (loose) or \
                    else the Request-URI. A different destination means the script overrode $du \
                    (NAT alias handling, dispatcher, lookup) or the proxy misroutes; the request \
                    may reach an element outside the dialog.
                    """,
                fix: """
                    If intended (NAT traversal with handle_ruri_alias() or fix_nated_contact()), \
                    ignore; otherwise check the script for $du/$ru changes and t_relay_to calls on \
                    in-dialog requests.
                    """,
                basis: [
                    "RFC 3261 §16.6 step 7 (next hop from the first Route, else the Request-URI)",
                    "rr-spec §3.6 next-hop summary, §7 NEXT_HOP_WRONG",
                ]
            )
        case .strictNextHopNotHandled:
            ExplainEntry(
                code: code,
                title: "The next hop is a strict router but the proxy forwarded loosely",
                why: """
                    When the first Route after the proxy's own entry lacks lr, the proxy must put \
                    that URI in the Request-URI and append the old Request-URI as the last Route. \
                    Forwarded unchanged, the strict router receives a Request-URI that is not its \
                    own and routes on it, or replies 404.
                    """,
                fix: """
                    Find why the next Route lacks lr (RR_NO_LR, ROUTE_PARAMS_CHANGED); do not \
                    rewrite Route or Request-URI after loose_route().
                    """,
                basis: [
                    "RFC 3261 §16.6 step 6",
                    "rr-spec §3.3 (handle_sr), §6 #4",
                    "kamailio #267: https://github.com/kamailio/kamailio/issues/267",
                ]
            )
        case .ruriIsProxy:
            ExplainEntry(
                code: code,
                title: "An in-dialog Request-URI points at the proxy itself",
                why: """
                    Kamailio's loose_route takes the strict-router recovery path for any in-dialog \
                    request whose Request-URI host:port is local, even when it is not a value the \
                    proxy record-routed (e.g. the remote target is an app server on the proxy's \
                    address): it replaces the Request-URI with the last Route, or with its own \
                    Route entry, and the request loops or is misrouted.
                    """,
                fix: """
                    Call loose_route_mode(1) (skip strict recovery) on such proxies, or give the \
                    application its own address/port.
                    """,
                basis: [
                    "RFC 3261 §16.4 (only a value the proxy put in Record-Route triggers the rewrite)",
                    "rr-spec §3.2, §3.4 AFTER_STRICT, §6 #24 #25",
                    "kamailio #2674: https://github.com/kamailio/kamailio/issues/2674",
                ]
            )
        case .looseRouteFailed:
            ExplainEntry(
                code: code,
                title: "loose_route() would fail (-1) for an in-dialog request at this proxy",
                why: """
                    loose_route returns -1 when Route, Request-URI or To cannot be parsed, or on \
                    the strict path when nothing follows the proxy's r2 entry. The default \
                    configuration then answers 404 "Not here" and the in-dialog request fails.
                    """,
                fix: """
                    Look at the evidence: fix the unparseable Route (RR_UNPARSEABLE) or the \
                    strict-routing UA (STRICT_ROUTING).
                    """,
                basis: [
                    "rr-spec §3.2, §3.4 (RR_NOT_DRIVEN), §3.5 return codes, §6 #6 #10 #26",
                    "kamailio #2674: https://github.com/kamailio/kamailio/issues/2674",
                ]
            )
        default:
            preconditionFailure("\(code) is not an at-proxy code")
        }
    }
}
