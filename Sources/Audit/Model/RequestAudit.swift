import Capture
import Dialogs
import SIP

/// One observed copy of a request of the dialog (`requests[]` in the JSON Lines contract): where
/// it went, what it carried and, when it arrived at a proxy, what that proxy's rr module makes of it.
public struct RequestAudit: Sendable, Hashable {
    /// Index into `Dialog.requests`.
    public var requestIndex: Int
    /// Index into that request's `copies`.
    public var copyIndex: Int
    public var frame: Int
    public var time: CaptureTime
    public var method: SIPMethod
    public var cseq: UInt32
    public var role: RequestRole
    /// Sender, `ip:port/transport`.
    public var source: TransportAddress
    /// Receiver, `ip:port/transport`.
    public var destination: TransportAddress
    /// The true direction, from the dialog tags.
    public var direction: RequestDirection
    /// The Request-URI as on the wire.
    public var requestURI: String
    /// Route values as on the wire, one per value (comma-joined values split), top first.
    public var route: [String]
    /// Present when the receiver is a proxy of the dialog.
    public var atProxy: ProxyEvaluation?

    public init(requestIndex: Int, copyIndex: Int, frame: Int, time: CaptureTime, method: SIPMethod,
                cseq: UInt32, role: RequestRole, source: TransportAddress, destination: TransportAddress,
                direction: RequestDirection, requestURI: String, route: [String], atProxy: ProxyEvaluation?) {
        self.requestIndex = requestIndex
        self.copyIndex = copyIndex
        self.frame = frame
        self.time = time
        self.method = method
        self.cseq = cseq
        self.role = role
        self.source = source
        self.destination = destination
        self.direction = direction
        self.requestURI = requestURI
        self.route = route
        self.atProxy = atProxy
    }
}
