/// One pass of a request through a proxy: the copy that arrived and the copy it sent on.
///
/// A plain struct, not boxed like `DialogRequest`: its two messages are references already, so
/// a copy costs two retains instead of one, while a box cost an allocation and a free for every
/// hop of every dialog.
public struct Hop: Sendable {
    /// Index into `Dialog.proxies`.
    public var proxyIndex: Int
    /// The copy the proxy received.
    public var incoming: ObservedMessage
    /// The copy it forwarded (same Call-ID and CSeq, one more Via whose second value is the
    /// incoming top Via); nil when the capture holds none (not forwarded, or not captured).
    public var outgoing: ObservedMessage?

    public init(proxyIndex: Int, incoming: ObservedMessage, outgoing: ObservedMessage?) {
        self.proxyIndex = proxyIndex
        self.incoming = incoming
        self.outgoing = outgoing
    }
}
