/// What Kamailio's `record_route()`, `record_route_preset()`, `record_route_advertised_address()`
/// and `add_rr_param()` insert into a forwarded request (rr-spec §2), so an observed Record-Route
/// can be compared with what a Kamailio with given settings and sockets would have written.
/// Every function returns the inserted header values top first (`<sip:...>`, one per header).
public struct RecordRouteBuilder: Sendable {
    /// The rr module parameters.
    public var settings: RRSettings

    /// Creates a builder.
    public init(settings: RRSettings = .kamailioDefaults) {
        self.settings = settings
    }

    /// The facts about one forwarded branch that the rr functions read.
    public struct Branch: Sendable, Hashable {
        /// The R-URI when the function runs (its scheme selects `sip`/`sips`).
        public var requestURI: String
        /// The R-URI of the request line as received (its user is used by `add_username`); defaults
        /// to `requestURI`.
        public var originalRequestURI: String
        /// The From tag.
        public var fromTag: String?
        /// The To tag.
        public var toTag: String?
        /// Whether `is_direction("upstream")` holds (in-dialog request from the callee, after
        /// loose_route): the To tag is then written as ftag (issue #536).
        public var isUpstream: Bool
        /// The socket the request was received on.
        public var receiveSocket: ListeningSocket
        /// The socket the branch is sent from.
        public var sendSocket: ListeningSocket
        /// The `custom_user_avp` value, if set.
        public var customUser: String?

        /// Creates a branch description.
        public init(requestURI: String, originalRequestURI: String? = nil, fromTag: String?, toTag: String? = nil,
                    isUpstream: Bool = false, receiveSocket: ListeningSocket, sendSocket: ListeningSocket,
                    customUser: String? = nil) {
            self.requestURI = requestURI
            self.originalRequestURI = originalRequestURI ?? requestURI
            self.fromTag = fromTag
            self.toTag = toTag
            self.isUpstream = isUpstream
            self.receiveSocket = receiveSocket
            self.sendSocket = sendSocket
            self.customUser = customUser
        }
    }

    /// `record_route([params])`, with `add_rr_param()` strings added before and after the call.
    /// Layout: `<SCHEME:[USER@]HOST[:PORT][;transport=T][;r2=on];lr[=on][;ftag=TAG]PARAMS BEFORE AFTER>`.
    /// Two headers (send socket on top, receive socket below, both `r2=on`) when enable_double_rr is
    /// 2, or 1 and the sockets differ in IP, port or protocol (advertised addresses not compared).
    public func recordRoute(_ b: Branch, params: String = "", addedBefore: String = "",
                            addedAfter: String = "") -> [String] {
        let double = isDouble(b, protoOnly: false)
        let tail = settings.lrParameter + ftag(b, fromTagOnly: false) + params + addedBefore + addedAfter
        let r2 = double ? ";r2=on" : ""
        let receive = "<" + prefix(b) + address(b.receiveSocket, outgoing: false) + r2 + tail + ">"
        guard double else { return [receive] }
        let send = "<" + prefix(b) + address(b.sendSocket, outgoing: true) + r2 + tail + ">"
        return [send, receive]
    }

    /// `record_route_preset(address [, second])`: `<SCHEME:[USER@]ADDRESS[;ftag=FROMTAG]BEFORE;lr AFTER>`
    /// per address (lr last; no r2 added). `nil` when two addresses are given and enable_double_rr
    /// is 0 (the function fails).
    public func recordRoutePreset(_ b: Branch, address: String, secondAddress: String? = nil,
                                  addedBefore: String = "", addedAfter: String = "") -> [String]? {
        if secondAddress != nil && settings.enableDoubleRR == 0 { return nil }
        let tag = settings.appendFromTag && !(b.fromTag ?? "").isEmpty ? ";ftag=" + (b.fromTag ?? "") : ""
        let make = { (addr: String) in
            "<" + self.prefix(b) + addr + tag + addedBefore + self.settings.lrParameter + addedAfter + ">"
        }
        return [make(address)] + (secondAddress.map { [make($0)] } ?? [])
    }

    /// `record_route_advertised_address(address)`: `<SCHEME:[USER@]ADDRESS[;transport=P][;r2=on][;ftag=TAG];lr ADDED>`.
    /// Two headers only when enable_double_rr is 2, or 1 and the protocols differ; then both carry
    /// `transport` (also `udp`) and `r2=on`, the send side on top. A single header carries
    /// `transport` only for a non-UDP receive socket.
    public func recordRouteAdvertisedAddress(_ b: Branch, address: String, addedBefore: String = "",
                                             addedAfter: String = "") -> [String] {
        let double = isDouble(b, protoOnly: true)
        let tail = ftag(b, fromTagOnly: false) + settings.lrParameter + addedBefore + addedAfter
        if !double {
            let p = b.receiveSocket.proto
            let transport = p == .udp ? "" : ";transport=" + Self.transportName(p)
            return ["<" + prefix(b) + address + transport + tail + ">"]
        }
        let make = { (p: SocketProtocol) in
            "<" + self.prefix(b) + address + ";transport=" + Self.transportName(p) + ";r2=on" + tail + ">"
        }
        return [make(b.sendSocket.proto), make(b.receiveSocket.proto)]
    }

    private func isDouble(_ b: Branch, protoOnly: Bool) -> Bool {
        switch settings.enableDoubleRR {
        case 0: return false
        case 1:
            let r = b.receiveSocket, s = b.sendSocket
            if protoOnly { return r.proto != s.proto }
            return r.proto != s.proto || r.port != s.port
                || ListeningSocket.ipv6Bytes(r.address) ?? Array(r.address.utf8)
                    != ListeningSocket.ipv6Bytes(s.address) ?? Array(s.address.utf8)
        default: return true
        }
    }

    /// `SCHEME:[USER@]`.
    private func prefix(_ b: Branch) -> String {
        let ruri = try? RouteURI(parsing: b.requestURI)
        let scheme = (ruri?.scheme == "sips" && !settings.ignoreSIPS) ? "sips:" : "sip:"
        guard settings.addUsername else { return scheme }
        if let custom = b.customUser, !custom.isEmpty { return scheme + custom + "@" }
        let original = try? RouteURI(parsing: b.originalRequestURI)
        if let u = original?.user, !u.isEmpty { return scheme + u + "@" }
        if let u = ruri?.user, !u.isEmpty { return scheme + u + "@" }
        return scheme
    }

    /// `HOST[:PORT][;transport=T]` of a socket (msg_translator.c SUBST_RCV_ALL / SUBST_SND_ALL).
    private func address(_ s: ListeningSocket, outgoing: Bool) -> String {
        var text: String
        if let adv = s.advertisedHost {
            text = adv.contains(":") && !adv.hasPrefix("[") ? "[\(adv)]" : adv
            if let ap = s.advertisedPort, outgoing || ap != 5060 {
                text += ":\(ap)"
            } else if s.advertisedPort == nil, s.port != 5060 {
                text += ":\(s.port)"
            }
        } else {
            text = s.uriHost
            if s.port != 5060 { text += ":\(s.port)" }
        }
        if s.proto != .udp { text += ";transport=" + Self.transportName(s.proto) }
        return text
    }

    private func ftag(_ b: Branch, fromTagOnly: Bool) -> String {
        guard settings.appendFromTag else { return "" }
        let tag = (!fromTagOnly && b.isUpstream) ? b.toTag : b.fromTag
        guard let tag, !tag.isEmpty else { return "" }
        return ";ftag=" + tag
    }

    /// The `transport=` value Kamailio writes: lowercase, WebSocket always `ws`.
    static func transportName(_ p: SocketProtocol) -> String {
        switch p {
        case .ws, .wss: return "ws"
        default: return p.rawValue
        }
    }
}
