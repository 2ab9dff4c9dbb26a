import SIP

/// One logical request of a dialog, with every copy of it the capture holds along its path.
public struct DialogRequest: Sendable {
    public var method: SIPMethod
    /// CSeq number.
    public var cseq: UInt32
    public var role: RequestRole
    /// True direction, from the tags: downstream when sent by the caller.
    public var direction: RequestDirection
    /// The same request along its path, originator first (fewest Vias), then each forwarded copy
    /// in path order. Retransmissions are folded: see `retransmittedFrames`.
    /// When a proxy forks, the copies of every branch are here.
    public var copies: [ObservedMessage]
    /// Frames of retransmissions (same top Via branch, sent-by and method as a kept copy).
    public var retransmittedFrames: [Int]
    /// Each pass through a proxy of the dialog, in path order.
    public var hops: [Hop]
    /// Every response copy to any copy of this request, in capture order, retransmissions folded.
    public var responses: [ObservedMessage]
    /// The remote target the sender should have used when it sent this request (RFC 3261 12.2.1.1):
    /// the other party's Contact from the dialog-forming exchange or the last target refresh.
    /// Nil when the capture does not show it.
    public var remoteTarget: String?

    public init(method: SIPMethod, cseq: UInt32, role: RequestRole, direction: RequestDirection,
                copies: [ObservedMessage], retransmittedFrames: [Int] = [], hops: [Hop] = [],
                responses: [ObservedMessage] = [], remoteTarget: String? = nil) {
        self.method = method
        self.cseq = cseq
        self.role = role
        self.direction = direction
        self.copies = copies
        self.retransmittedFrames = retransmittedFrames
        self.hops = hops
        self.responses = responses
        self.remoteTarget = remoteTarget
    }

    /// The copy as its sender emitted it (first in path order); nil only for an empty request.
    public var originator: ObservedMessage? { copies.first }

    /// The copy that reached the far end (most Vias, last in path order).
    public var lastCopy: ObservedMessage? { copies.last }

    /// The final response (status ≥ 200) the sender received, else the first final one seen.
    public var finalStatus: Int? {
        responses.compactMap { $0.message.statusCode }.first { $0 >= 200 }
    }

    /// The first frame of any copy.
    public var firstFrame: Int { copies.map(\.frame).min() ?? 0 }
}
