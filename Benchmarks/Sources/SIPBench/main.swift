// Measures SIPParser.parse + header table + Call-ID / CSeq / Route access on real-sized
// messages, one core, release build. Prints one line per workload.
import SIP
#if canImport(Glibc)
import Glibc
#endif

/// CPU time of this thread, in seconds: under load from other processes it still measures what
/// one core does, where wall time would count the time the scheduler gave to others.
func threadCPUSeconds() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

let sdp = """
v=0\r
o=alice 2890844526 2890844526 IN IP4 198.51.100.20\r
s=-\r
c=IN IP4 198.51.100.20\r
t=0 0\r
m=audio 49170 RTP/AVP 0 8 9 18 101\r
a=rtpmap:0 PCMU/8000\r
a=rtpmap:8 PCMA/8000\r
a=rtpmap:9 G722/8000\r
a=rtpmap:18 G729/8000\r
a=fmtp:18 annexb=no\r
a=rtpmap:101 telephone-event/8000\r
a=fmtp:101 0-16\r
a=ptime:20\r
a=sendrecv\r\n
"""

let inviteWithSDP = """
INVITE sip:bob@biloxi.example.com SIP/2.0\r
Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK.proxy1.7f3a2c;rport\r
Via: SIP/2.0/UDP 198.51.100.20:5062;received=198.51.100.20;rport=5062;branch=z9hG4bK776asdhds\r
Max-Forwards: 69\r
Record-Route: <sip:192.0.2.10;lr;ftag=1928301774;did=a1b.c2d>\r
Route: <sip:203.0.113.5;lr>\r
To: Bob <sip:bob@biloxi.example.com>\r
From: "Alice Liddell" <sip:alice@atlanta.example.com>;tag=1928301774\r
Call-ID: a84b4c76e66710@pc33.atlanta.example.com\r
CSeq: 314159 INVITE\r
Contact: <sip:alice@198.51.100.20:5062;transport=udp>;+sip.instance="<urn:uuid:00000000-0000-1000-8000-AABBCCDDEEFF>"\r
Allow: INVITE, ACK, CANCEL, BYE, OPTIONS, PRACK, UPDATE, REFER, NOTIFY, INFO, MESSAGE\r
Supported: replaces, timer, 100rel, path\r
Session-Expires: 1800;refresher=uac\r
Min-SE: 90\r
User-Agent: ExamplePhone/7.3.1 (build 4711)\r
Content-Type: application/sdp\r
Content-Length: \(sdp.utf8.count)\r
\r
\(sdp)
"""


let okWithRecordRoute = """
SIP/2.0 200 OK\r
Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK.proxy1.7f3a2c;rport=5060\r
Via: SIP/2.0/UDP 198.51.100.20:5062;received=198.51.100.20;rport=5062;branch=z9hG4bK776asdhds\r
Record-Route: <sip:203.0.113.5;lr;ftag=1928301774>\r
Record-Route: <sip:192.0.2.10;r2=on;lr;ftag=1928301774;did=a1b.c2d>, <sip:[2001:db8::10];r2=on;lr;ftag=1928301774;did=a1b.c2d>\r
To: Bob <sip:bob@biloxi.example.com>;tag=a6c85cf\r
From: "Alice Liddell" <sip:alice@atlanta.example.com>;tag=1928301774\r
Call-ID: a84b4c76e66710@pc33.atlanta.example.com\r
CSeq: 314159 INVITE\r
Contact: <sip:bob@203.0.113.77:5060;transport=udp>\r
Allow: INVITE, ACK, CANCEL, BYE, OPTIONS, PRACK, UPDATE\r
Supported: replaces, timer\r
Session-Expires: 1800;refresher=uac\r
Require: timer\r
Server: ExampleSwitch/2.4\r
Content-Length: 0\r
\r

"""

let byeWithRoute = """
BYE sip:bob@203.0.113.77:5060;transport=udp SIP/2.0\r
Via: SIP/2.0/UDP 198.51.100.20:5062;rport;branch=z9hG4bKnashds10\r
Max-Forwards: 70\r
Route: <sip:[2001:db8::10];r2=on;lr;ftag=1928301774;did=a1b.c2d>, <sip:192.0.2.10;r2=on;lr;ftag=1928301774;did=a1b.c2d>\r
Route: <sip:203.0.113.5;lr;ftag=1928301774>\r
From: "Alice Liddell" <sip:alice@atlanta.example.com>;tag=1928301774\r
To: Bob <sip:bob@biloxi.example.com>;tag=a6c85cf\r
Call-ID: a84b4c76e66710@pc33.atlanta.example.com\r
CSeq: 314160 BYE\r
User-Agent: ExamplePhone/7.3.1 (build 4711)\r
Content-Length: 0\r
\r

"""

struct Workload {
    let name: String
    let messages: [[UInt8]]
}

let invite = Array(inviteWithSDP.utf8), ok = Array(okWithRecordRoute.utf8), bye = Array(byeWithRoute.utf8)
let workloads = [
    Workload(name: "INVITE+SDP (\(invite.count) B)", messages: [invite]),
    Workload(name: "200 OK+Record-Route (\(ok.count) B)", messages: [ok]),
    Workload(name: "BYE+Route (\(bye.count) B)", messages: [bye]),
    Workload(name: "mix of the three", messages: [invite, ok, bye]),
]

/// parse + header table only.
@inline(never)
func parseOnly(_ bytes: [UInt8]) -> Int {
    guard let m = try? SIPParser.parse(bytes) else { return -1 }
    return m.headerCount &+ m.bodyRange.count
}

/// The same through the zero-copy accessors: byte ranges instead of Strings.
@inline(never)
func workZeroCopy(_ bytes: [UInt8]) -> Int {
    guard let m = try? SIPParser.parse(bytes) else { return -1 }
    var sum = m.headerCount
    sum &+= m.fieldRange(.callID)?.count ?? 0
    sum &+= Int(m.cseq?.number ?? 0)
    m.forEachValueRange(m.isRequest ? .route : .recordRoute) { sum &+= $0.count }
    return sum
}

/// parse + header table + Call-ID + CSeq + Route (Record-Route for responses).
@inline(never)
func work(_ bytes: [UInt8]) -> Int {
    guard let m = try? SIPParser.parse(bytes) else { return -1 }
    var sum = m.headerCount
    sum &+= m.callID?.utf8.count ?? 0
    sum &+= Int(m.cseq?.number ?? 0)
    let routes = m.isRequest ? m.routes : m.recordRoutes
    for r in routes { sum &+= r.utf8.count }
    return sum
}

// Sanity: every message parses and has what is accessed.
for w in workloads {
    for b in w.messages {
        let m = try SIPParser.parse(b)
        precondition(m.callID != nil && m.cseq != nil && !(m.isRequest ? m.routes : m.recordRoutes).isEmpty)
    }
}

// `SIPBench count N [parse]`: run the mix N times and exit, for `perf stat` (instruction counts
// do not depend on what else the machine is running).
if CommandLine.arguments.count >= 3, CommandLine.arguments[1] == "count", let n = Int(CommandLine.arguments[2]) {
    let parseOnlyMode = CommandLine.arguments.count > 3
    var checksum = 0
    for _ in 0..<n {
        for b in [invite, ok, bye] { checksum &+= parseOnlyMode ? parseOnly(b) : work(b) }
    }
    print("checksum \(checksum & 0xFFFF), \(3 * n) messages")
    exit(0)
}

let seconds = Double(CommandLine.arguments.dropFirst().first ?? "2") ?? 2
let clock = ContinuousClock()
print("SIP parser benchmark: parse + header table + Call-ID/CSeq/Route, \(seconds) s per workload, 1 thread")
for (stage, body) in [("parse + Call-ID/CSeq/Route as Strings (callID, cseq, routes/recordRoutes)", work),
     ("parse + Call-ID/CSeq/Route as byte ranges (fieldRange, cseq, forEachValueRange)", workZeroCopy),
     ("parse only (header table)", parseOnly)] as [(String, ([UInt8]) -> Int)] {
print("-- \(stage)")
for w in workloads {
    // Warm up, then run batches until the time is used; report the best of 5 rounds.
    var checksum = 0
    for _ in 0..<10_000 { for b in w.messages { checksum &+= body(b) } }
    var best = 0.0, bestCPU = 0.0
    for _ in 0..<5 {
        var count = 0
        let start = clock.now
        let cpuStart = threadCPUSeconds()
        let deadline = start + .milliseconds(Int(seconds * 200))
        while clock.now < deadline {
            for _ in 0..<1000 { for b in w.messages { checksum &+= body(b); count += 1 } }
        }
        let elapsed = clock.now - start
        let cpu = threadCPUSeconds() - cpuStart
        let s = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        best = max(best, Double(count) / s)
        bestCPU = max(bestCPU, Double(count) / cpu)
    }
    let pad = String(repeating: " ", count: max(0, 34 - w.name.count))
    print("\(w.name)\(pad) wall \(format3(best / 1e6)) M msg/s (\(format1(1e9 / best)) ns/msg)   CPU \(format3(bestCPU / 1e6)) M msg/s (\(format1(1e9 / bestCPU)) ns/msg)  [checksum \(checksum & 0xFFFF)]")
}
}

func format3(_ x: Double) -> String { String((x * 1000).rounded() / 1000) }
func format1(_ x: Double) -> String { String((x * 10).rounded() / 10) }
