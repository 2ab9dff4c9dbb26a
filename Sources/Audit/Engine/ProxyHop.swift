/// One captured pass of the dialog-forming request through a proxy: both copies.
struct ProxyHop: Sendable {
    var proxy: ProxyIdentity
    var incoming: MessageCopy
    var outgoing: MessageCopy
}
