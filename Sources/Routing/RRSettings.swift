/// The rr module parameters that change what Kamailio writes and how `loose_route` behaves
/// (rr-spec §1). `loose_route_mode` is the mode the script function uses (bit 1: never take the
/// strict-router recovery path when the R-URI is myself).
public struct RRSettings: Sendable, Hashable, Codable {
    /// `append_fromtag`: add `;ftag=` to Record-Route; required for `is_direction`.
    public var appendFromTag: Bool
    /// `enable_double_rr`: 0 never, 1 when the send socket differs from the receive socket, 2 always.
    public var enableDoubleRR: Int
    /// `enable_full_lr`: write `;lr=on` instead of `;lr`.
    public var enableFullLR: Bool
    /// `add_username`: put the R-URI user into the Record-Route URI.
    public var addUsername: Bool
    /// `ignore_sips`: always write `sip:` even for a `sips:` R-URI.
    public var ignoreSIPS: Bool
    /// `force_send_socket`: force the send socket to the one matching a single local Route entry.
    public var forceSendSocket: Bool
    /// Mode bits of `loose_route_mode()` (`loose_route()` is mode 0).
    public var looseRouteMode: Int

    /// Creates settings; every argument defaults to Kamailio's module default.
    public init(appendFromTag: Bool = true, enableDoubleRR: Int = 1, enableFullLR: Bool = false,
                addUsername: Bool = false, ignoreSIPS: Bool = false, forceSendSocket: Bool = false,
                looseRouteMode: Int = 0) {
        self.appendFromTag = appendFromTag
        self.enableDoubleRR = enableDoubleRR
        self.enableFullLR = enableFullLR
        self.addUsername = addUsername
        self.ignoreSIPS = ignoreSIPS
        self.forceSendSocket = forceSendSocket
        self.looseRouteMode = looseRouteMode
    }

    /// The rr module defaults (append_fromtag=1, enable_double_rr=1, all else 0). Note that the
    /// shipped `etc/kamailio.cfg` sets append_fromtag=0.
    public static let kamailioDefaults = RRSettings()

    /// The `;lr` parameter as written into Record-Route.
    var lrParameter: String { enableFullLR ? ";lr=on" : ";lr" }

    enum CodingKeys: String, CodingKey {
        case appendFromTag = "append_fromtag", enableDoubleRR = "enable_double_rr"
        case enableFullLR = "enable_full_lr", addUsername = "add_username", ignoreSIPS = "ignore_sips"
        case forceSendSocket = "force_send_socket", looseRouteMode = "loose_route_mode"
    }

    /// Decodes the module parameters by their Kamailio names, as integers (`{"append_fromtag":1,...}`).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        appendFromTag = try c.decode(Int.self, forKey: .appendFromTag) != 0
        enableDoubleRR = try c.decode(Int.self, forKey: .enableDoubleRR)
        enableFullLR = try c.decode(Int.self, forKey: .enableFullLR) != 0
        addUsername = try c.decode(Int.self, forKey: .addUsername) != 0
        ignoreSIPS = try c.decode(Int.self, forKey: .ignoreSIPS) != 0
        forceSendSocket = try c.decode(Int.self, forKey: .forceSendSocket) != 0
        looseRouteMode = try c.decode(Int.self, forKey: .looseRouteMode)
    }

    /// Encodes the module parameters by their Kamailio names, as integers.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(appendFromTag ? 1 : 0, forKey: .appendFromTag)
        try c.encode(enableDoubleRR, forKey: .enableDoubleRR)
        try c.encode(enableFullLR ? 1 : 0, forKey: .enableFullLR)
        try c.encode(addUsername ? 1 : 0, forKey: .addUsername)
        try c.encode(ignoreSIPS ? 1 : 0, forKey: .ignoreSIPS)
        try c.encode(forceSendSocket ? 1 : 0, forKey: .forceSendSocket)
        try c.encode(looseRouteMode, forKey: .looseRouteMode)
    }
}
