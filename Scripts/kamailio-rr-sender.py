#!/usr/bin/env python3
"""Sends the crafted rr test requests to the fixture Kamailio and records what comes out.

Used by Scripts/kamailio-rr-fixtures (one run per module-parameter variant). For every case it sends
one request (UDP, TCP or UDP over IPv6, loopback only) to the proxy, then waits (bounded) on the sink
socket 127.0.4.9:17099 for the copy Kamailio forwards. Writes, into OUTDIR:
  sent.jsonl       {"case", "spec", "note", "transport", "src", "dst", "text"}   one per case
  forwarded.jsonl  {"case", "src", "text"}                                     one per copy received
Usage: kamailio-rr-sender.py OUTDIR
"""
import json
import socket
import sys
import time

P = "127.0.4.1:17060"          # the proxy's main UDP+TCP socket
P2 = "127.0.4.2:17062"         # second UDP socket (the r2 partner)
PADV = "127.0.4.3:17064"       # socket with "advertise 127.0.4.33:17070"
Q = "127.0.4.50:17050"         # a foreign loose router
R = "127.0.4.51:17051"         # another foreign loose router
GW = "127.0.4.70:17071"        # a foreign strict router
UA = "bob@127.0.4.60:17055"    # the callee's contact (remote target)
SINK = ("127.0.4.9", 17099)
SRC4 = ("127.0.4.8", 17098)
SRC6 = ("::1", 17097)

FT, TT = "ft1", "tt2"


def case(cid, spec, note, routes, ruri=f"sip:{UA}", method="BYE", from_tag=FT, to_tag=TT, has_to=True,
         transport="udp", dst=P, rr=None, rr_arg=None, rr_arg2=None, extra=()):
    return dict(case=cid, spec=spec, note=note, routes=list(routes), ruri=ruri, method=method,
                from_tag=from_tag, to_tag=to_tag, has_to=has_to, transport=transport, dst=dst,
                rr=rr, rr_arg=rr_arg, rr_arg2=rr_arg2, extra=list(extra))


def initial(cid, spec, note, routes, ruri=f"sip:{UA}", **kw):
    return case(cid, spec, note, routes, ruri=ruri, method="INVITE", to_tag=None, **kw)


CASES = [
    # --- loose_route on in-dialog requests: the local entry and lr forms
    case("lr-on-only", "1", "only P's entry, lr=on", [f"<sip:{P};lr=on;ftag={FT}>"]),
    case("lr-plain-only", "1", "only P's entry, lr", [f"<sip:{P};lr;ftag={FT}>"]),
    case("lr-upper", "2", "LR uppercase", [f"<sip:{P};LR;ftag={FT}>", f"<sip:{Q};LR>"]),
    case("lr-off", "2", "lr=off counts as loose", [f"<sip:{P};lr=off>", f"<sip:{Q};lr=off>"]),
    case("lr-zero-next", "2", "next hop lr=0 still loose", [f"<sip:{P};lr>", f"<sip:{Q};lr=0>"]),
    case("lrx-next", "2", "next hop with lrx only is strict", [f"<sip:{P};lr>", f"<sip:{GW};lrx>"]),
    case("xlr-next", "2", "next hop with xlr only is strict", [f"<sip:{P};lr>", f"<sip:{GW};xlr;foo=lr>"]),
    case("own-no-lr", "3", "P's own entry lacks lr; popped anyway", [f"<sip:{P};ftag={FT}>", f"<sip:{Q};lr>"]),
    case("strict-next", "4", "next hop strict router", [f"<sip:{P};lr;ftag={FT}>", f"<sip:gw@{GW};transport=udp>"]),
    case("strict-next-more", "4", "strict next hop followed by more routes",
         [f"<sip:{P};lr>", f"<sip:{GW}>, <sip:{Q};lr>"]),
    case("lr-outside", "5", "lr outside <> is ignored", [f"<sip:{P};lr>", f"<sip:{GW}>;lr"]),
    case("no-brackets", "6", "bare URI without <>", [f"sip:{P};lr"]),
    case("no-brackets-second", "6", "second entry without <>", [f"<sip:{P};lr>, sip:{Q};lr"]),
    case("display-name", "7", "display names", [f"\"edge\" <sip:{P};lr;ftag={FT}>", f"core <sip:{Q};lr>"]),
    case("quoted-display-comma", "7", "quoted display name with comma and <", [f"\"a, <b>\" <sip:{P};lr>, <sip:{Q};lr>"]),
    case("bare-then-bracketed", "6", "bare URI swallowed as display name of the next", [f"sip:{R};lr, <sip:{P};lr>", f"<sip:{Q};lr>"]),
    case("header-params", "7", "header params after >", [f"<sip:{P};lr>;foo=bar, <sip:{Q};lr>;x"]),
    case("header-params-empty", "10", "; with nothing after >", [f"<sip:{P};lr>;"]),
    case("comma-list", "8", "one header, two entries", [f"<sip:{P};lr;ftag={FT}>, <sip:{Q};lr>"]),
    case("two-headers", "9", "two headers", [f"<sip:{P};lr;ftag={FT}>", f"<sip:{Q};lr>"]),
    case("comma-three", "8", "three entries, P first", [f"<sip:{P};lr>,<sip:{Q};lr>,<sip:{R};lr>"]),
    case("trailing-comma", "10", "trailing comma", [f"<sip:{P};lr>,"]),
    case("empty-element", "10", "empty element", [f"<sip:{P};lr>,,<sip:{Q};lr>"]),
    case("trailing-comma-second", "10", "trailing comma in a later header", [f"<sip:{P};lr>", f"<sip:{Q};lr>,"]),
    # --- r2 pairs
    case("r2-pair", "11", "double RR pair, nothing after",
         [f"<sip:{P};r2=on;lr;ftag={FT}>,<sip:{P2};r2=on;lr;ftag={FT}>"]),
    case("r2-pair-next", "11", "double RR pair then Q",
         [f"<sip:{P};r2=on;lr;ftag={FT}>", f"<sip:{P2};r2=on;lr;ftag={FT}>", f"<sip:{Q};lr>"]),
    case("r2-pair-tcp", "11", "pair with a tcp second entry",
         [f"<sip:{P2};r2=on;lr;ftag={FT}>,<sip:{P};transport=tcp;r2=on;lr;ftag={FT}>,<sip:{Q};lr>"]),
    case("r2-dropped", "12", "second entry of the pair dropped: Q popped",
         [f"<sip:{P};r2=on;lr;ftag={FT}>", f"<sip:{Q};lr>", f"<sip:{R};lr>"]),
    case("two-local-no-r2", "13", "two local entries, first without r2",
         [f"<sip:{P};lr;ftag={FT}>", f"<sip:{P2};r2=on;lr;ftag={FT}>", f"<sip:{Q};lr>"]),
    case("r2-off", "11", "r2=off still counts as r2", [f"<sip:{P};r2=off;lr>,<sip:{P2};r2=off;lr>,<sip:{Q};lr>"]),
    case("r2-across-headers", "36", "pair split over headers",
         [f"<sip:{P};r2=on;lr;ftag={FT}>", f"<sip:{P2};r2=on;lr;ftag={FT}>,<sip:{Q};lr>"]),
    case("r2-then-strict", "11", "pair then strict next hop",
         [f"<sip:{P};r2=on;lr>,<sip:{P2};r2=on;lr>", f"<sip:gw@{GW}>"]),
    # --- myself
    case("self-no-port", "15", "P's IP without port is not myself (5060)", [f"<sip:127.0.4.1;lr>", f"<sip:{Q};lr>"]),
    case("self-sips-no-port", "15", "sips without port: still 5060", [f"<sips:127.0.4.1;lr>"]),
    case("self-transport-tcp", "16", "transport ignored", [f"<sip:{P};transport=tcp;lr>", f"<sip:{Q};lr>"]),
    case("self-transport-tls", "16", "transport=tls ignored", [f"<sip:{P};transport=tls;lr>", f"<sip:{Q};lr>"]),
    case("alias-port", "17", "alias with port", [f"<sip:proxy.example:17060;lr>", f"<sip:{Q};lr>"]),
    case("alias-case", "17", "alias, other case", [f"<sip:PROXY.Example:17060;lr>", f"<sip:{Q};lr>"]),
    case("alias-wrong-port", "17", "alias with another port", [f"<sip:proxy.example:17061;lr>"]),
    case("alias-5060-default", "17", "alias :5060, URI without port", [f"<sip:p5060.example;lr>", f"<sip:{Q};lr>"]),
    case("alias-5060-sips", "15", "sips: default port is 5060 too", [f"<sips:p5060.example;lr>", f"<sip:{Q};lr>"]),
    case("alias-5060-tls", "15", "transport=tls: default port 5060", [f"<sip:p5060.example;transport=tls;lr>"]),
    case("alias-quoted", "17", "alias=\"host:port\" is a host name", [f"<sip:quoted.example:17060;lr>", f"<sip:{Q};lr>"]),
    case("alias-quoted-whole", "17", "the quoted alias matched whole", [f"<sip:quoted.example:17060:17060;lr>"]),
    case("alias-anyport", "17", "alias without port matches any", [f"<sip:anyport.example:12345;lr>", f"<sip:{Q};lr>"]),
    case("ipv6-self", "18", "IPv6, other spelling", [f"<sip:[0:0:0::1]:17066;lr>", f"<sip:{Q};lr>"]),
    case("ipv6-wrong-port", "18", "IPv6 host, port of another socket", [f"<sip:[::1]:17060;lr>", f"<sip:{Q};lr>"]),
    case("ipv6-next", "18", "IPv6 next hop", [f"<sip:{P};lr>", "<sip:[2001:DB8::7]:17077;lr>"]),
    case("ipv6-alias-case", "18", "IPv6 alias, other letter case", ["<sip:[2001:DB8::5]:17060;lr>", f"<sip:{Q};lr>"]),
    case("ipv6-alias-spelling", "18", "IPv6 alias, other spelling: textual match only", ["<sip:[2001:db8:0::5]:17060;lr>", f"<sip:{Q};lr>"]),
    case("ipv6-unbracketed", "18", "IPv6 without brackets", ["<sip:::1:17066;lr>"]),
    case("gruu", "19", "gr param: not myself", [f"<sip:{P};lr;gr>", f"<sip:{Q};lr>"]),
    case("user-part", "25", "user part ignored", [f"<sip:someone@{P};lr;ftag={FT}>", f"<sip:{Q};lr>"]),
    case("adv-name", "", "advertised address and port", [f"<sip:127.0.4.33:17070;lr>", f"<sip:{Q};lr>"]),
    case("adv-socket-ip", "", "socket IP and port of the advertised socket", [f"<sip:{PADV};lr>", f"<sip:{Q};lr>"]),
    case("adv-ip-adv-port", "", "socket IP with the advertised port", [f"<sip:127.0.4.3:17070;lr>", f"<sip:{Q};lr>"]),
    case("adv-name-socket-port", "", "advertised IP with the socket port", [f"<sip:127.0.4.33:17064;lr>", f"<sip:{Q};lr>"]),
    # --- preloaded / initial requests
    initial("preloaded-local", "20", "initial, only P", [f"<sip:{P};lr>"]),
    initial("preloaded-local-pair", "20", "initial, P's r2 pair only", [f"<sip:{P};r2=on;lr>,<sip:{P2};r2=on;lr>"]),
    initial("preloaded-then-q", "21", "initial, P then Q", [f"<sip:{P};lr>,<sip:{Q};lr>"]),
    initial("preloaded-foreign", "22", "initial, foreign top route", [f"<sip:{Q};lr>", f"<sip:{P};lr>"]),
    initial("preloaded-strict", "4", "initial, P then strict", [f"<sip:{P};lr>", f"<sip:gw@{GW};user=phone>"]),
    initial("initial-no-route", "", "initial, no Route", []),
    initial("initial-ruri-self", "", "initial to P itself, P's Route", [f"<sip:{P};lr>"], ruri=f"sip:{P}"),
    case("no-route", "", "in-dialog without Route", []),
    # --- strict previous hop / R-URI is myself
    case("strict-prev", "23", "R-URI is P's RR", [f"<sip:{Q};lr>", f"<sip:{UA}>"],
         ruri=f"sip:{P};lr;ftag={FT};nat=yes"),
    case("strict-prev-one", "23", "R-URI P, one strict Route (the contact)", [f"<sip:{UA}>"],
         ruri=f"sip:{P};lr;ftag={FT}"),
    case("strict-prev-one-loose", "23", "R-URI P, one loose Route", [f"<sip:{UA};lr>"],
         ruri=f"sip:{P};lr;ftag={FT}"),
    case("strict-prev-strict-next", "23", "R-URI P, next hop strict", [f"<sip:gw@{GW}>", f"<sip:{UA}>"],
         ruri=f"sip:{P};lr;ftag={FT}"),
    case("strict-prev-comma", "23", "R-URI P, one header", [f"<sip:{Q};lr>, <sip:{R};lr>,<sip:{UA}>"],
         ruri=f"sip:{P};lr;x=1"),
    case("ruri-self-route-self", "24", "remote target is P, Route P", [f"<sip:{P};lr;ftag={FT}>"],
         ruri=f"sip:{P}"),
    case("ruri-self-user", "25", "R-URI P with user and params", [f"<sip:{Q};lr>", f"<sip:{UA}>"],
         ruri=f"sip:conf@{P};foo=bar"),
    case("strict-r2-last", "26", "strict path, P's r2 entry and nothing after", [f"<sip:{P2};r2=on;lr>"],
         ruri=f"sip:{P};r2=on;lr"),
    case("strict-r2-more", "26", "strict path, P's r2 entry then Q and contact",
         [f"<sip:{P2};r2=on;lr>", f"<sip:{Q};lr>", f"<sip:{UA}>"], ruri=f"sip:{P};r2=on;lr;ftag={FT}"),
    case("ruri-sips-self", "", "sips R-URI on P", [f"<sip:{Q};lr>", f"<sip:{UA}>"], ruri=f"sips:{P}"),
    case("ruri-gruu-self", "19", "R-URI P with gr: not myself", [f"<sip:{P};lr>"], ruri=f"sip:{P};gr=x"),
    case("ruri-tel", "", "tel R-URI", [f"<sip:{P};lr>", f"<sip:{Q};lr>"], ruri="tel:+15551234"),
    case("ruri-bad", "", "unparsable R-URI", [f"<sip:{P};lr>"], ruri="sip:bob@"),
    case("strict-prev-maddr", "27", "strict path, remote target with maddr", [f"<sip:{Q};lr>", f"<sip:{UA};maddr=127.0.4.61>"],
         ruri=f"sip:{P};lr"),
    case("strict-r2-same-header", "26", "strict path, r2 entry, next and contact in one header",
         [f"<sip:{P2};r2=on;lr>,<sip:{Q};lr>,<sip:{UA}>"], ruri=f"sip:{P};r2=on;lr"),
    # --- maddr
    case("maddr-next", "27", "next hop with maddr", [f"<sip:{P};lr>", f"<sip:{Q};maddr=127.0.4.52;transport=tcp;lr>"]),
    case("maddr-strict-next", "27", "strict next hop with maddr", [f"<sip:{P};lr>", f"<sip:{GW};maddr=127.0.4.53>"]),
    case("maddr-foreign-top", "27", "foreign top route with maddr", [f"<sips:{Q};maddr=127.0.4.54;lr>"]),
    case("maddr-no-port", "27", "maddr on a URI without port", [f"<sip:{P};lr>", f"<sip:q.example;maddr=127.0.4.55;lr>"]),
    case("scheme-upper", "", "SIP: scheme in capitals", [f"<SIP:{P};lr>", f"<sip:{Q};lr>"]),
    case("user-password", "", "user:password in P's entry", [f"<sip:u:pw@{P};lr>", f"<sip:{Q};lr>"]),
    case("next-user-semicolon", "2", "lr inside the user part of the next hop", [f"<sip:{P};lr>", f"<sip:gw;lr@{GW}>"]),
    case("tel-next", "", "tel: next hop with lr", [f"<sip:{P};lr>", "<tel:+15551234;lr>"]),
    case("next-headers-strict", "4", "strict next hop with URI headers", [f"<sip:{P};lr>", f"<sip:{GW};x=1?Subject=a>"]),
    # --- foreign top route in dialog
    case("foreign-top", "28", "in-dialog, top route foreign", [f"<sip:{Q};lr;ftag={FT}>"]),
    case("foreign-top-strict", "28", "in-dialog, top route foreign and strict", [f"<sip:gw@{GW};foo=bar>"]),
    # --- ftag / is_direction
    case("ftag-upper-name", "29", "FTAG= uppercase", [f"<sip:{P};lr;FTAG=other>"]),
    case("ftag-case", "30", "ftag differs by case", [f"<sip:{P};lr;ftag=FT1>"]),
    case("no-from-tag", "31", "no From tag", [f"<sip:{P};lr;ftag={FT}>"], from_tag=None),
    case("upstream", "", "request from the callee", [f"<sip:{P};lr;ftag={FT}>"], from_tag=TT, to_tag=FT),
    case("ftag-absent", "", "no ftag", [f"<sip:{P};lr>"], from_tag="zz9"),
    case("ftag-empty", "", "ftag= empty", [f"<sip:{P};lr;ftag=;nat=yes>"], from_tag="zz9"),
    case("ftag-empty-last", "", "ftag= empty, last", [f"<sip:{P};lr;ftag=>"], from_tag="zz9"),
    case("ftag-quoted", "", "quoted ftag", [f"<sip:{P};lr;ftag=\"ft1\">"]),
    case("ftag-one-char-only", "", "ftag=a is the whole param string", [f"<sip:{P};ftag=a>"], from_tag="b"),
    case("ftag-one-char-last", "", "ftag=a last", [f"<sip:{P};lr;ftag=a>"], from_tag="b"),
    case("ftag-longer-name", "", "ftagx only", [f"<sip:{P};lr;ftagx=zz>"], from_tag="b"),
    case("ftag-before-lr", "", "ftag first", [f"<sip:{P};ftag=other;lr>"]),
    case("ftag-r2-second", "11", "ftag only on the 2nd of the pair", [f"<sip:{P};r2=on;lr>,<sip:{P2};r2=on;lr;ftag=other>"]),
    case("ftag-foreign", "", "ftag on a foreign top route", [f"<sip:{Q};lr;ftag=other>"]),
    case("ftag-strict-path", "23", "ftag in the R-URI on the strict path", [f"<sip:{Q};lr>", f"<sip:{UA}>"],
         ruri=f"sip:{P};lr;ftag=other"),
    # --- check_route_param strings
    case("crp-nat", "32", "NAT=YES", [f"<sip:{P};lr;ftag={FT};NAT=YES>"]),
    case("crp-outside", "33", "nat outside <>", [f"<sip:{P};lr;ftag={FT}>;nat=yes"]),
    case("crp-exact", "", "exact param string", [f"<sip:{P};lr;ftag={FT};nat=yes>"]),
    case("crp-x1", "", "x=1 last", [f"<sip:{P};lr;x=1>"]),
    case("crp-headers", "", "URI headers after params", [f"<sip:{P};lr;x=1?X-H=1>", f"<sip:{Q};lr?Subject=hi>"]),
    case("crp-no-params", "", "local entry without params", [f"<sip:{P}>", f"<sip:{Q};lr>"]),
    case("crp-tcp", "", "transport=tcp in params", [f"<sip:{P};transport=TCP;lr>"]),
    # --- methods and transports
    case("ack", "", "ACK in dialog", [f"<sip:{P};lr;ftag={FT}>,<sip:{Q};lr>"], method="ACK"),
    case("over-tcp", "", "in-dialog over TCP", [f"<sip:{P};transport=tcp;lr;ftag={FT}>", f"<sip:{Q};lr>"],
         transport="tcp"),
    case("over-ipv6", "18", "in-dialog over IPv6", ["<sip:[::1]:17066;lr>", f"<sip:{Q};lr>"], transport="udp6",
         dst="[::1]:17066"),
    case("broken-second-header", "", "second header broken", [f"<sip:{P};lr>", "sip:oops"]),
    case("space-in-brackets", "", "spaces inside <>", [f"< sip:{P};lr >", f"<sip:{Q};lr>"]),
    case("lowercase-route-name", "", "route header name lowercase", [f"<sip:{P};lr>", f"<sip:{Q};lr>"],
         extra=["__lowercase_route__"]),
    # --- Record-Route insertion (initial requests)
    initial("rr-udp", "", "record_route, same socket", [], rr="rr"),
    initial("rr-second-socket", "", "record_route, received on the 2nd socket", [], rr="rr", dst=P2),
    initial("rr-tcp-in", "", "record_route, TCP in UDP out", [], rr="rr", transport="tcp"),
    initial("rr-adv-socket", "", "record_route on the advertised socket", [], rr="rr", dst=PADV),
    initial("rr-ipv6-in", "", "record_route, IPv6 in", [], rr="rr", transport="udp6", dst="[::1]:17066"),
    initial("rr-forced-send", "", "record_route, UDP in, other UDP socket out", [], rr="rr", extra=["X-Send: alt"]),
    initial("rr-send-adv", "", "record_route, UDP in, out from the advertised socket", [], rr="rr", extra=["X-Send: adv"]),
    initial("rr-tcp-in-send-adv", "", "record_route, TCP in, out from the advertised socket", [], rr="rr",
            transport="tcp", extra=["X-Send: adv"]),
    initial("rr-adv-in-send-other", "", "record_route, in on the advertised socket, out from another", [], rr="rr",
            dst=PADV, extra=["X-Send: alt"]),
    initial("rr-params", "", "record_route with params", [], rr="rrp", rr_arg=";nat=yes;x=1"),
    initial("rr-before", "", "add_rr_param before", [], rr="before", rr_arg=";b=1"),
    initial("rr-after", "", "add_rr_param after", [], rr="after", rr_arg=";a=2", dst=P2),
    initial("rr-preset", "", "record_route_preset", [], rr="preset", rr_arg="proxy.example:17060;p=1"),
    initial("rr-preset2", "", "record_route_preset two", [], rr="preset2", rr_arg="127.0.4.1:17060;r2=on",
            rr_arg2="127.0.4.2:17062;r2=on"),
    initial("rr-advertised", "", "record_route_advertised_address", [], rr="adv", rr_arg="edge.example:17080"),
    initial("rr-advertised-tcp", "", "record_route_advertised_address, TCP in", [], rr="adv",
            rr_arg="edge.example:17080", transport="tcp"),
    initial("rr-twice", "35", "record_route twice", [], rr="twice"),
    initial("rr-sips", "34", "sips R-URI", [], rr="rr", ruri="sips:bob@127.0.4.60:17055"),
    initial("rr-no-from-tag", "", "no From tag", [], rr="rr", from_tag=None),
    initial("rr-no-user", "", "R-URI without user", [], rr="rr", ruri="sip:127.0.4.60:17055"),
    case("rr-upstream", "", "record_route on an upstream in-dialog request", [f"<sip:{P};lr;ftag={FT}>"],
         rr="rr", from_tag=TT, to_tag=FT),
    case("rr-indialog-down", "", "record_route on a downstream in-dialog request", [f"<sip:{P};lr;ftag={FT}>"],
         rr="rr"),
]


def build(c):
    t = c["transport"]
    via_proto, via_host = ("TCP", "127.0.4.8:17098") if t == "tcp" else \
        ("UDP", "[::1]:17097") if t == "udp6" else ("UDP", "127.0.4.8:17098")
    lines = [f"{c['method']} {c['ruri']} SIP/2.0",
             f"Via: SIP/2.0/{via_proto} {via_host};branch=z9hG4bK-{c['case']}",
             "Max-Forwards: 70"]
    route_name = "route" if "__lowercase_route__" in c["extra"] else "Route"
    for r in c["routes"]:
        lines.append(f"{route_name}: {r}")
    lines.append("From: <sip:alice@127.0.4.8>" + (f";tag={c['from_tag']}" if c["from_tag"] else ""))
    if c["has_to"]:
        lines.append("To: <sip:bob@127.0.4.60>" + (f";tag={c['to_tag']}" if c["to_tag"] else ""))
    lines.append(f"Call-ID: {c['case']}@rr-fixtures")
    lines.append(f"CSeq: 2 {c['method']}")
    lines.append(f"X-Case: {c['case']}")
    if c["rr"]:
        lines.append(f"X-RR: {c['rr']}")
    if c["rr_arg"]:
        lines.append(f"X-RR-Arg: {c['rr_arg']}")
    if c["rr_arg2"]:
        lines.append(f"X-RR-Arg2: {c['rr_arg2']}")
    for e in c["extra"]:
        if not e.startswith("__"):
            lines.append(e)
    lines.append("Content-Length: 0")
    return "\r\n".join(lines) + "\r\n\r\n"


def split_host_port(s):
    host, _, port = s.rpartition(":")
    return host.strip("[]"), int(port)


def main():
    out = sys.argv[1]
    sink = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sink.bind(SINK)
    sink.settimeout(0.4)
    u4 = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    u4.bind(SRC4)
    u6 = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)
    u6.bind(SRC6)
    ids = set()
    with open(f"{out}/sent.jsonl", "w") as sent, open(f"{out}/forwarded.jsonl", "w") as fwd:
        for c in CASES:
            assert c["case"] not in ids, c["case"]
            ids.add(c["case"])
            text = build(c)
            data = text.encode()
            host, port = split_host_port(c["dst"])
            src = "[::1]:17097" if c["transport"] == "udp6" else "127.0.4.8:17098"
            if c["transport"] == "tcp":
                s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
                s.settimeout(2)
                s.bind(("127.0.4.8", 0))
                s.connect((host, port))
                src = "%s:%d" % s.getsockname()
                s.sendall(data)
            elif c["transport"] == "udp6":
                u6.sendto(data, (host, port))
            else:
                u4.sendto(data, (host, port))
            sent.write(json.dumps(dict(case=c["case"], spec=c["spec"], note=c["note"], transport=c["transport"],
                                       src=src, dst=c["dst"], text=text)) + "\n")
            # Wait for this case's forwarded copy (bounded: a few datagrams, 0.4 s each).
            for _ in range(5):
                try:
                    msg, addr = sink.recvfrom(65535)
                except socket.timeout:
                    break
                body = msg.decode("utf-8", "replace")
                cid = next((ln.split(":", 1)[1].strip() for ln in body.split("\r\n")
                            if ln.lower().startswith("x-case:")), "")
                fwd.write(json.dumps(dict(case=cid, src="%s:%d" % addr, text=body)) + "\n")
                if cid == c["case"]:
                    break
            if c["transport"] == "tcp":
                s.close()
            time.sleep(0.02)
    print(f"sent {len(CASES)} cases", file=sys.stderr)


if __name__ == "__main__":
    main()
