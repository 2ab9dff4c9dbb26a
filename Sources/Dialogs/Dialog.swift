import Capture
import SIP

/// One SIP dialog (RFC 3261 12) as reconstructed from a capture: who, the Record-Route sets both
/// sides learnt, the route sets they should use, the proxies on the path and every request in it.
///
/// A forked INVITE that got several 2xx gives one `Dialog` per confirmed To tag; To tags that
/// stayed early are listed in `earlyForks` of each. A call that was rejected or cancelled is one
/// `Dialog` whose `calleeTag` is the tag of its final response (if any).
public struct Dialog: Sendable {
    public var callID: String
    /// From tag of the dialog-forming request (the dialog initiator's tag, what ftag should hold).
    public var callerTag: String
    /// To tag of the response (or NOTIFY) that formed it; nil while no response carried one.
    public var calleeTag: String?
    /// The dialog-forming method: INVITE, SUBSCRIBE or REFER (or the first request seen when the
    /// capture starts inside the dialog).
    public var method: SIPMethod
    public var state: DialogState
    /// Why the tracker reported the dialog when it did.
    public var end: DialogEnd
    /// First and last frame of any message of the dialog (from 1, in the file of `fileIndex`).
    public var firstFrame: Int
    public var lastFrame: Int
    public var firstTime: CaptureTime
    public var lastTime: CaptureTime
    public var fileIndex: Int
    public var caller: Party
    public var callee: Party
    /// The dialog-forming request; nil when the capture starts inside the dialog (then `caller` is
    /// the side that sent the first request seen, and directions rest on that guess).
    public var initialRequest: DialogRequest?
    /// Record-Route of the initial request as the UAS received it (last copy), top first.
    public var recordRouteAtCallee: [String]
    /// Record-Route of the dialog-forming response as the UAC received it, top first.
    public var recordRouteAtCaller: [String]
    /// The route set each side should use (RFC 3261 12.1.2 for the caller: `recordRouteAtCaller`
    /// reversed; 12.1.1 for the callee: `recordRouteAtCallee` as is).
    public var routeSet: RouteSets
    /// The remote target each side should use at the end of the dialog (after target refreshes):
    /// `caller` is where the caller sends (the callee's Contact), `callee` where the callee sends.
    public var remoteTarget: RemoteTargets
    /// Proxies seen on the path of any request of the dialog, and declared ones it touched.
    public var proxies: [Proxy]
    /// Requests after the initial one, in order of first copy: ACK to 2xx, BYE, re-INVITE,
    /// UPDATE, PRACK, INFO, NOTIFY..., plus CANCEL and ACK to a non-2xx (see `RequestRole`).
    public var requests: [DialogRequest]
    /// To tags of other forks of the same initial request that never confirmed.
    public var earlyForks: [String]

    public init(callID: String, callerTag: String, calleeTag: String?, method: SIPMethod, state: DialogState,
                end: DialogEnd, firstFrame: Int, lastFrame: Int, firstTime: CaptureTime, lastTime: CaptureTime,
                fileIndex: Int, caller: Party, callee: Party, initialRequest: DialogRequest?,
                recordRouteAtCallee: [String], recordRouteAtCaller: [String], routeSet: RouteSets,
                remoteTarget: RemoteTargets, proxies: [Proxy], requests: [DialogRequest], earlyForks: [String]) {
        self.callID = callID
        self.callerTag = callerTag
        self.calleeTag = calleeTag
        self.method = method
        self.state = state
        self.end = end
        self.firstFrame = firstFrame
        self.lastFrame = lastFrame
        self.firstTime = firstTime
        self.lastTime = lastTime
        self.fileIndex = fileIndex
        self.caller = caller
        self.callee = callee
        self.initialRequest = initialRequest
        self.recordRouteAtCallee = recordRouteAtCallee
        self.recordRouteAtCaller = recordRouteAtCaller
        self.routeSet = routeSet
        self.remoteTarget = remoteTarget
        self.proxies = proxies
        self.requests = requests
        self.earlyForks = earlyForks
    }

    /// The true direction of a request carrying `fromTag`: downstream when it is the caller's tag.
    public func direction(fromTag: String?) -> RequestDirection {
        fromTag == callerTag ? .downstream : .upstream
    }

    /// The proxy that owns `endpoint` (transport ignored), if any.
    public func proxyIndex(owning endpoint: TransportAddress) -> Int? {
        proxies.firstIndex { $0.owns(endpoint.endpoint) }
    }
}

/// The route set of each side of a dialog: Route values as they should appear, top first.
public struct RouteSets: Sendable, Hashable {
    /// What the caller (UAC) puts in Route: the response's Record-Route reversed (RFC 3261 12.1.2).
    public var caller: [String]
    /// What the callee (UAS) puts in Route: the request's Record-Route in order (RFC 3261 12.1.1).
    public var callee: [String]

    public init(caller: [String], callee: [String]) {
        self.caller = caller
        self.callee = callee
    }

    /// The route set the sender of a request in `direction` should use.
    public func forSender(_ direction: RequestDirection) -> [String] {
        direction == .downstream ? caller : callee
    }
}

/// The remote target of each side of a dialog (RFC 3261 12.1.1 / 12.1.2, 12.2 target refresh).
public struct RemoteTargets: Sendable, Hashable {
    /// Where the caller sends in-dialog requests: the callee's Contact URI.
    public var caller: String?
    /// Where the callee sends in-dialog requests: the caller's Contact URI.
    public var callee: String?

    public init(caller: String?, callee: String?) {
        self.caller = caller
        self.callee = callee
    }

    /// The remote target the sender of a request in `direction` should use.
    public func forSender(_ direction: RequestDirection) -> String? {
        direction == .downstream ? caller : callee
    }
}
