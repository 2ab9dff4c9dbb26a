/// One end of a dialog (the caller or the callee) as the capture shows it.
public struct Party: Sendable, Hashable {
    /// The From URI (caller) or To URI (callee) as written on the wire, without display name or tag.
    public var uri: String
    /// The Contact URI this party sent: in the initial request (caller) or the dialog-forming
    /// response (callee). After a target refresh, `Dialog.remoteTarget` holds the newer one.
    public var contact: String?
    /// Where the party's messages were seen: source of the caller's first copy of the initial
    /// request, source of the callee's response (or destination of the last request copy).
    public var endpoint: TransportAddress?

    public init(uri: String, contact: String? = nil, endpoint: TransportAddress? = nil) {
        self.uri = uri
        self.contact = contact
        self.endpoint = endpoint
    }
}
