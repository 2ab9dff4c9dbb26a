import SIP

/// One logical request of a dialog, with every copy of it the capture holds along its path.
public struct DialogRequest: Sendable, FieldBoxed {
    // In one immutable box (`FieldBox`): requests are copied several times through the audit.
    @usableFromInline struct Fields: Sendable {
        @usableFromInline var method: SIPMethod
        @usableFromInline var cseq: UInt32
        @usableFromInline var role: RequestRole
        @usableFromInline var direction: RequestDirection
        @usableFromInline var copies: [ObservedMessage]
        @usableFromInline var retransmittedFrames: [Int]
        @usableFromInline var hops: [Hop]
        @usableFromInline var responses: [ObservedMessage]
        @usableFromInline var remoteTarget: String?
    }

    @usableFromInline var box: FieldBox<Fields>

    /// The request method (CANCEL and ACK included).
    @inlinable public var method: SIPMethod { get { box.fields.method } set { update { $0.method = newValue } } }
    /// CSeq number.
    @inlinable public var cseq: UInt32 { get { box.fields.cseq } set { update { $0.cseq = newValue } } }
    /// Initial, in-dialog, CANCEL or ACK to a non-2xx.
    @inlinable public var role: RequestRole { get { box.fields.role } set { update { $0.role = newValue } } }
    /// True direction, from the tags: downstream when sent by the caller.
    @inlinable public var direction: RequestDirection { get { box.fields.direction } set { update { $0.direction = newValue } } }
    /// The same request along its path, originator first (fewest Vias), then each forwarded copy
    /// in path order. Retransmissions are folded: see `retransmittedFrames`.
    /// When a proxy forks, the copies of every branch are here.
    @inlinable public var copies: [ObservedMessage] { get { box.fields.copies } set { update { $0.copies = newValue } } }
    /// Frames of retransmissions (same top Via branch, sent-by and method as a kept copy).
    @inlinable public var retransmittedFrames: [Int] { get { box.fields.retransmittedFrames } set { update { $0.retransmittedFrames = newValue } } }
    /// Each pass through a proxy of the dialog, in path order.
    @inlinable public var hops: [Hop] { get { box.fields.hops } set { update { $0.hops = newValue } } }
    /// Every response copy to any copy of this request, in capture order, retransmissions folded.
    @inlinable public var responses: [ObservedMessage] { get { box.fields.responses } set { update { $0.responses = newValue } } }
    /// The remote target the sender should have used when it sent this request (RFC 3261 12.2.1.1):
    /// the other party's Contact from the dialog-forming exchange or the last target refresh.
    /// Nil when the capture does not show it.
    @inlinable public var remoteTarget: String? { get { box.fields.remoteTarget } set { update { $0.remoteTarget = newValue } } }

    public init(method: SIPMethod, cseq: UInt32, role: RequestRole, direction: RequestDirection,
                copies: [ObservedMessage], retransmittedFrames: [Int] = [], hops: [Hop] = [],
                responses: [ObservedMessage] = [], remoteTarget: String? = nil) {
        box = FieldBox(Fields(
            method: method,
            cseq: cseq,
            role: role,
            direction: direction,
            copies: copies,
            retransmittedFrames: retransmittedFrames,
            hops: hops,
            responses: responses,
            remoteTarget: remoteTarget))
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
