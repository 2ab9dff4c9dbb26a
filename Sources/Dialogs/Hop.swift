/// One pass of a request through a proxy: the copy that arrived and the copy it sent on.
public struct Hop: Sendable, FieldBoxed {
    // In one immutable box (`FieldBox`): hops are copied with their requests through the audit.
    @usableFromInline struct Fields: Sendable {
        @usableFromInline var proxyIndex: Int
        @usableFromInline var incoming: ObservedMessage
        @usableFromInline var outgoing: ObservedMessage?
    }

    @usableFromInline var box: FieldBox<Fields>

    /// Index into `Dialog.proxies`.
    @inlinable public var proxyIndex: Int { get { box.fields.proxyIndex } set { update { $0.proxyIndex = newValue } } }
    /// The copy the proxy received.
    @inlinable public var incoming: ObservedMessage { get { box.fields.incoming } set { update { $0.incoming = newValue } } }
    /// The copy it forwarded (same Call-ID and CSeq, one more Via whose second value is the
    /// incoming top Via); nil when the capture holds none (not forwarded, or not captured).
    @inlinable public var outgoing: ObservedMessage? { get { box.fields.outgoing } set { update { $0.outgoing = newValue } } }

    public init(proxyIndex: Int, incoming: ObservedMessage, outgoing: ObservedMessage?) {
        box = FieldBox(Fields(
            proxyIndex: proxyIndex,
            incoming: incoming,
            outgoing: outgoing))
    }
}
