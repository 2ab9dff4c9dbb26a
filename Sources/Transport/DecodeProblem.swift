/// A reason a packet, or part of one, could not be turned into SIP.
///
/// Raw values are the stable keys of `summary.decode` in the JSON Lines contract.
public enum DecodeProblemKind: String, CaseIterable, Hashable, Sendable {
    /// The capture's snapshot length cut the packet, or a header claims more bytes than exist.
    case truncated
    /// A link layer this build does not decode.
    case unsupportedLinkType = "unsupported_link_type"
    /// A header field is impossible (bad IP header length, bad version, bogus length field).
    case malformedPacket = "malformed_packet"
    /// Fragments that overlap with different bytes (kept: first arrival wins).
    case overlappingFragments = "overlapping_fragments"
    /// TCP segments that overlap data already seen with different bytes (kept: first data wins).
    case tcpOverlap = "tcp_overlaps"
    /// Fragments dropped because their datagram never completed in time.
    case fragmentTimeout = "fragment_timeout"
    /// A reassembly buffer limit was hit (fragments or TCP) and data was dropped.
    case bufferLimit = "buffer_limit"
    /// A TCP stream skipped bytes that were never captured.
    case tcpGap = "tcp_gaps"
    /// Bytes on a SIP flow that are not a SIP message (skipped to the next start line).
    case malformedSIP = "malformed_sip"
    /// A WebSocket frame that could not be decoded.
    case malformedWebSocket = "malformed_websocket"
    /// A HEP packet that could not be decoded.
    case malformedHEP = "malformed_hep"
    /// An SCTP packet or chunk that could not be decoded.
    case malformedSCTP = "malformed_sctp"
}

/// One decode problem, with the frame that showed it.
public struct DecodeProblem: Hashable, Sendable {
    public var kind: DecodeProblemKind
    /// Frame number (from 1) within the file given by `fileIndex`.
    public var frame: Int
    public var fileIndex: Int
    /// A short human explanation, e.g. "IPv4 total length 1500 exceeds 1200 captured bytes".
    public var detail: String

    public init(kind: DecodeProblemKind, frame: Int, fileIndex: Int = 0, detail: String) {
        self.kind = kind
        self.frame = frame
        self.fileIndex = fileIndex
        self.detail = detail
    }
}
