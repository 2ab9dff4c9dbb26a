/// Every finding rraudit can report (design.md "Finding codes"). The raw value is the stable code
/// written in reports and accepted by `rraudit explain CODE`.
public enum FindingCode: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    // Dialog set-up: the Record-Route set as built by proxies and mirrored by the UAS.
    case rrNoLR = "RR_NO_LR"
    case rrLROn = "RR_LR_ON"
    case rrNotMirrored = "RR_NOT_MIRRORED"
    case rrChangedInTransit = "RR_CHANGED_IN_TRANSIT"
    case rrR2Unpaired = "RR_R2_UNPAIRED"
    case rrDoubleMissing = "RR_DOUBLE_MISSING"
    case rrIPv6Unbracketed = "RR_IPV6_UNBRACKETED"
    case rrUnparseable = "RR_UNPARSEABLE"
    case ftagAbsent = "FTAG_ABSENT"
    case ftagNotInitiator = "FTAG_NOT_INITIATOR"
    case preloadedRoute = "PRELOADED_ROUTE"

    // In-dialog requests as a UA sent them.
    case routeMissing = "ROUTE_MISSING"
    case routeSetMismatch = "ROUTE_SET_MISMATCH"
    case routeNotReversed = "ROUTE_NOT_REVERSED"
    case routeParamsChanged = "ROUTE_PARAMS_CHANGED"
    case strictRouting = "STRICT_ROUTING"
    case ruriNotRemoteTarget = "RURI_NOT_REMOTE_TARGET"
    case proxyBypassed = "PROXY_BYPASSED"
    case ftagMismatch = "FTAG_MISMATCH"
    case ftagMissing = "FTAG_MISSING"
    case directionMisjudged = "DIRECTION_MISJUDGED"
    case cancelRouteMismatch = "CANCEL_ROUTE_MISMATCH"
    case ackRouteMismatch = "ACK_ROUTE_MISMATCH"

    // At a proxy, with the copy it received and the copy it sent both captured.
    case proxyNotPopped = "PROXY_NOT_POPPED"
    case proxyPoppedForeign = "PROXY_POPPED_FOREIGN"
    case nextHopWrong = "NEXT_HOP_WRONG"
    case strictNextHopNotHandled = "STRICT_NEXT_HOP_NOT_HANDLED"
    case ruriIsProxy = "RURI_IS_PROXY"
    case looseRouteFailed = "LOOSE_ROUTE_FAILED"

    // The capture itself.
    case captureIncomplete = "CAPTURE_INCOMPLETE"

    /// The section of the report a code belongs to.
    public enum Group: String, Sendable, Hashable, CaseIterable {
        case dialogSetup = "dialog set-up"
        case inDialogFromUA = "in-dialog, from a UA"
        case atProxy = "at a proxy"
        case capture = "capture"
    }

    /// Accepts the code as written in reports, case-insensitively (`rr_no_lr` works too).
    public init?(code: String) {
        self.init(rawValue: code.uppercased())
    }

    public var group: Group {
        switch self {
        case .rrNoLR, .rrLROn, .rrNotMirrored, .rrChangedInTransit, .rrR2Unpaired, .rrDoubleMissing,
             .rrIPv6Unbracketed, .rrUnparseable, .ftagAbsent, .ftagNotInitiator, .preloadedRoute:
            .dialogSetup
        case .routeMissing, .routeSetMismatch, .routeNotReversed, .routeParamsChanged, .strictRouting,
             .ruriNotRemoteTarget, .proxyBypassed, .ftagMismatch, .ftagMissing, .directionMisjudged,
             .cancelRouteMismatch, .ackRouteMismatch:
            .inDialogFromUA
        case .proxyNotPopped, .proxyPoppedForeign, .nextHopWrong, .strictNextHopNotHandled,
             .ruriIsProxy, .looseRouteFailed:
            .atProxy
        case .captureIncomplete:
            .capture
        }
    }

    /// The severity a finding gets unless its rule has a reason to say otherwise (rr-spec §7).
    public var defaultSeverity: Severity {
        switch self {
        case .rrLROn, .ftagAbsent, .preloadedRoute:
            .info
        // A proxy's script may override $du (NAT alias), a double RR may be unnecessary when
        // both legs are reachable, direction only matters to scripts using is_direction(), and a
        // capture may simply have missed packets.
        case .rrDoubleMissing, .ftagNotInitiator, .ftagMissing, .directionMisjudged, .nextHopWrong,
             .ruriIsProxy, .captureIncomplete, .rrChangedInTransit:
            .warning
        default:
            .error
        }
    }

    public var description: String { rawValue }
}
