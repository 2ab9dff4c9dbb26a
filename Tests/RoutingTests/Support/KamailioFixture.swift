import Foundation
import Routing

/// One module-parameter variant recorded by Scripts/kamailio-rr-fixtures from a real Kamailio 5.6.
struct KamailioFixture {
    /// The variant directories under Fixtures/kamailio.
    static let variantNames = ["defaults", "full_lr", "no_fromtag", "double_rr_2", "double_rr_0",
                               "add_username", "ignore_sips", "force_send_socket", "loose_route_mode_1"]

    /// The check_route_param regexes of Scripts/kamailio-rr-fixtures.cfg, in log order.
    static let regexes = ["nat=yes", "^;lr", "^lr", "ftag=ft1", ";lr(;|$)", "lr=on", "r2=on", "^;",
                          "ftag=[^;]*;", "x=1$", "[[:upper:]]", "LR", "transport=tcp",
                          "^;?lr;ftag=ft1;nat=yes$"]

    /// The sockets and aliases of Scripts/kamailio-rr-fixtures.cfg.
    static let localAddresses = LocalAddresses(
        sockets: [
            ListeningSocket(proto: .udp, address: "127.0.4.1", port: 17060),
            ListeningSocket(proto: .tcp, address: "127.0.4.1", port: 17060),
            ListeningSocket(proto: .udp, address: "127.0.4.2", port: 17062),
            ListeningSocket(proto: .udp, address: "127.0.4.3", port: 17064,
                            advertisedHost: "127.0.4.33", advertisedPort: 17070),
            ListeningSocket(proto: .udp, address: "::1", port: 17066),
        ],
        aliases: [
            HostAlias(host: "proxy.example", port: 17060),
            HostAlias(host: "p5060.example", port: 5060),
            HostAlias(host: "anyport.example"),
            HostAlias(host: "quoted.example:17060"),  // alias="quoted.example:17060": taken whole
            HostAlias(host: "[2001:db8::5]", port: 17060),
        ])

    struct Sent: Decodable {
        let `case`: String
        let spec: String
        let note: String
        let transport: String
        let src: String
        let dst: String
        let text: String
    }

    struct Logged: Decodable {
        let `case`: String
        let rc: Int
        let ru: String
        let du: String
        let down: Bool?
        let up: Bool?
        let crp: String
        let route_uri: String
        let fs: String
    }

    struct Forwarded: Decodable {
        let `case`: String
        let src: String
        let text: String
    }

    struct RRAction: Decodable {
        let `case`: String
        let rr_rc: Int
    }

    let name: String
    let settings: RRSettings
    let sent: [Sent]
    let logged: [String: Logged]
    let forwarded: [String: Forwarded]
    let rrActions: [String: RRAction]

    init(variant: String) throws {
        name = variant
        guard let base = Bundle.module.url(forResource: "Fixtures", withExtension: nil) else {
            throw CocoaError(.fileNoSuchFile)
        }
        let dir = base.appendingPathComponent("kamailio").appendingPathComponent(variant)
        settings = try JSONDecoder().decode(RRSettings.self,
                                            from: Data(contentsOf: dir.appendingPathComponent("variant.json")))
        sent = try Self.lines(dir.appendingPathComponent("sent.jsonl"))
        logged = Dictionary(try Self.lines(dir.appendingPathComponent("kamailio.jsonl")).map { ($0.case, $0) },
                            uniquingKeysWith: { a, _ in a })
        forwarded = Dictionary(try Self.lines(dir.appendingPathComponent("forwarded.jsonl")).map { ($0.case, $0) },
                               uniquingKeysWith: { a, _ in a })
        rrActions = Dictionary(try Self.lines(dir.appendingPathComponent("rract.jsonl")).map { ($0.case, $0) },
                               uniquingKeysWith: { a, _ in a })
    }

    private static func lines<T: Decodable>(_ url: URL) throws -> [T] {
        let text = try String(contentsOf: url, encoding: .utf8)
        return try text.split(separator: "\n").map { try JSONDecoder().decode(T.self, from: Data($0.utf8)) }
    }

    /// The socket a case was received on (from its transport and destination).
    static func receiveSocket(_ s: Sent) -> ListeningSocket? {
        let proto: SocketProtocol = s.transport == "tcp" ? .tcp : .udp
        return socket(proto: proto, endpoint: s.dst)
    }

    /// The listening socket with `proto` and `ip:port` / `[ip]:port`.
    static func socket(proto: SocketProtocol, endpoint: String) -> ListeningSocket? {
        guard let colon = endpoint.lastIndex(of: ":"), let port = Int(endpoint[endpoint.index(after: colon)...]) else {
            return nil
        }
        let host = endpoint[..<colon].trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        return localAddresses.sockets.first { $0.proto == proto && $0.address == host && $0.port == port }
    }
}
