import Capture
import SIP

/// One SIP dialog (RFC 3261 12) as reconstructed from a capture: who, the Record-Route sets both
/// sides learnt, the route sets they should use, the proxies on the path and every request in it.
///
/// A forked INVITE that got several 2xx gives one `Dialog` per confirmed To tag; To tags that
/// stayed early are listed in `earlyForks` of each. A call that was rejected or cancelled is one
/// `Dialog` whose `calleeTag` is the tag of its final response (if any).
public struct Dialog: Sendable, FieldBoxed {
    // In one immutable box (`FieldBox`): a dialog is copied five times through audit and reports.
    @usableFromInline struct Fields: Sendable {
        @usableFromInline var callID: String
        @usableFromInline var callerTag: String
        @usableFromInline var calleeTag: String?
        @usableFromInline var method: SIPMethod
        @usableFromInline var state: DialogState
        @usableFromInline var end: DialogEnd
        @usableFromInline var firstFrame: Int
        @usableFromInline var lastFrame: Int
        @usableFromInline var firstTime: CaptureTime
        @usableFromInline var lastTime: CaptureTime
        @usableFromInline var fileIndex: Int
        @usableFromInline var caller: Party
        @usableFromInline var callee: Party
        @usableFromInline var initialRequest: DialogRequest?
        @usableFromInline var recordRouteAtCallee: [String]
        @usableFromInline var recordRouteAtCaller: [String]
        @usableFromInline var routeSet: RouteSets
        @usableFromInline var remoteTarget: RemoteTargets
        @usableFromInline var proxies: [Proxy]
        @usableFromInline var requests: [DialogRequest]
        @usableFromInline var earlyForks: [String]
    }

    @usableFromInline var box: FieldBox<Fields>

    /// The Call-ID shared by every message of the dialog.
    @inlinable public var callID: String { get { box.fields.callID } set { update { $0.callID = newValue } } }
    /// From tag of the dialog-forming request (the dialog initiator's tag, what ftag should hold).
    @inlinable public var callerTag: String { get { box.fields.callerTag } set { update { $0.callerTag = newValue } } }
    /// To tag of the response (or NOTIFY) that formed it; nil while no response carried one.
    @inlinable public var calleeTag: String? { get { box.fields.calleeTag } set { update { $0.calleeTag = newValue } } }
    /// The dialog-forming method: INVITE, SUBSCRIBE or REFER (or the first request seen when the
    /// capture starts inside the dialog).
    @inlinable public var method: SIPMethod { get { box.fields.method } set { update { $0.method = newValue } } }
    /// How far the dialog got (early, confirmed, rejected, cancelled, terminated).
    @inlinable public var state: DialogState { get { box.fields.state } set { update { $0.state = newValue } } }
    /// Why the tracker reported the dialog when it did.
    @inlinable public var end: DialogEnd { get { box.fields.end } set { update { $0.end = newValue } } }
    /// First and last frame of any message of the dialog in the file of `fileIndex` (from 1;
    /// when captures are merged, messages of the dialog in other files do not count here).
    @inlinable public var firstFrame: Int { get { box.fields.firstFrame } set { update { $0.firstFrame = newValue } } }
    @inlinable public var lastFrame: Int { get { box.fields.lastFrame } set { update { $0.lastFrame = newValue } } }
    /// Capture time of the first and last message of the dialog.
    @inlinable public var firstTime: CaptureTime { get { box.fields.firstTime } set { update { $0.firstTime = newValue } } }
    @inlinable public var lastTime: CaptureTime { get { box.fields.lastTime } set { update { $0.lastTime = newValue } } }
    /// The input file of the first message (frames are numbered per file).
    @inlinable public var fileIndex: Int { get { box.fields.fileIndex } set { update { $0.fileIndex = newValue } } }
    /// The dialog initiator (From of the initial request).
    @inlinable public var caller: Party { get { box.fields.caller } set { update { $0.caller = newValue } } }
    /// The other end (To of the initial request, Contact of its answer).
    @inlinable public var callee: Party { get { box.fields.callee } set { update { $0.callee = newValue } } }
    /// The dialog-forming request; nil when the capture starts inside the dialog (then `caller` is
    /// the side that sent the first request seen, and directions rest on that guess).
    @inlinable public var initialRequest: DialogRequest? { get { box.fields.initialRequest } set { update { $0.initialRequest = newValue } } }
    /// Record-Route of the initial request as the UAS received it (last copy), top first.
    @inlinable public var recordRouteAtCallee: [String] { get { box.fields.recordRouteAtCallee } set { update { $0.recordRouteAtCallee = newValue } } }
    /// Record-Route of the dialog-forming response as the UAC received it, top first.
    @inlinable public var recordRouteAtCaller: [String] { get { box.fields.recordRouteAtCaller } set { update { $0.recordRouteAtCaller = newValue } } }
    /// The route set each side should use (RFC 3261 12.1.2 for the caller: `recordRouteAtCaller`
    /// reversed; 12.1.1 for the callee: `recordRouteAtCallee` as is).
    @inlinable public var routeSet: RouteSets { get { box.fields.routeSet } set { update { $0.routeSet = newValue } } }
    /// The remote target each side should use at the end of the dialog (after target refreshes):
    /// `caller` is where the caller sends (the callee's Contact), `callee` where the callee sends.
    @inlinable public var remoteTarget: RemoteTargets { get { box.fields.remoteTarget } set { update { $0.remoteTarget = newValue } } }
    /// Proxies seen on the path of any request of the dialog, and declared ones it touched.
    @inlinable public var proxies: [Proxy] { get { box.fields.proxies } set { update { $0.proxies = newValue } } }
    /// Requests after the initial one, in order of first copy: ACK to 2xx, BYE, re-INVITE,
    /// UPDATE, PRACK, INFO, NOTIFY..., plus CANCEL and ACK to a non-2xx (see `RequestRole`).
    @inlinable public var requests: [DialogRequest] { get { box.fields.requests } set { update { $0.requests = newValue } } }
    /// To tags of other forks of the same initial request that never confirmed.
    @inlinable public var earlyForks: [String] { get { box.fields.earlyForks } set { update { $0.earlyForks = newValue } } }

    public init(callID: String, callerTag: String, calleeTag: String?, method: SIPMethod, state: DialogState,
                end: DialogEnd, firstFrame: Int, lastFrame: Int, firstTime: CaptureTime, lastTime: CaptureTime,
                fileIndex: Int, caller: Party, callee: Party, initialRequest: DialogRequest?,
                recordRouteAtCallee: [String], recordRouteAtCaller: [String], routeSet: RouteSets,
                remoteTarget: RemoteTargets, proxies: [Proxy], requests: [DialogRequest], earlyForks: [String]) {
        box = FieldBox(Fields(
            callID: callID,
            callerTag: callerTag,
            calleeTag: calleeTag,
            method: method,
            state: state,
            end: end,
            firstFrame: firstFrame,
            lastFrame: lastFrame,
            firstTime: firstTime,
            lastTime: lastTime,
            fileIndex: fileIndex,
            caller: caller,
            callee: callee,
            initialRequest: initialRequest,
            recordRouteAtCallee: recordRouteAtCallee,
            recordRouteAtCaller: recordRouteAtCaller,
            routeSet: routeSet,
            remoteTarget: remoteTarget,
            proxies: proxies,
            requests: requests,
            earlyForks: earlyForks))
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
