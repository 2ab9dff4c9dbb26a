/// Why a SIP message, header value or URI could not be parsed.
///
/// Every error names the byte offset where the problem was found (relative to the start of the
/// message for message errors, or to the start of the text for URI / header-value errors) and a
/// short human-readable reason.
public struct SIPParseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The class of problem.
    public enum Kind: String, Sendable, Equatable, CaseIterable {
        /// No bytes, or only line breaks.
        case empty
        /// The request line or status line does not follow RFC 3261 7.1 / 7.2.
        case malformedStartLine
        /// The SIP-Version is not SIP/2.0 (RFC 4475 3.1.2.16).
        case unsupportedVersion
        /// A header line lacks a colon, has an invalid name or a stray continuation line.
        case malformedHeader
        /// The end of the header section (empty line) was not found.
        case truncatedHeaders
        /// Content-Length is not a number, negative, overlarge or present with conflicting values.
        case invalidContentLength
        /// Content-Length announces more bytes than the message holds (RFC 4475 3.1.2.2).
        case truncatedBody
        /// A URI does not follow RFC 3261 19.1 / RFC 3966.
        case malformedURI
        /// A name-addr / addr-spec (From, To, Contact, Route ...) is malformed.
        case malformedNameAddress
        /// A Via value is malformed.
        case malformedVia
        /// CSeq is malformed or out of range.
        case malformedCSeq
        /// A numeric header (Max-Forwards, Expires, status code ...) is malformed or out of range.
        case invalidNumber
        /// A header that RFC 3261 requires is missing (RFC 4475 3.1.4.1).
        case missingHeader
        /// A header that must appear once appears with several values (RFC 4475 3.1.4.8).
        case multipleValues
        /// The CSeq method differs from the request method (RFC 4475 3.1.2.17).
        case methodMismatch
        /// A quoted string or angle bracket is not closed.
        case unbalanced
    }

    /// The class of problem.
    public var kind: Kind
    /// Byte offset of the problem.
    public var offset: Int
    /// A short reason, for humans.
    public var reason: String

    /// Creates an error.
    public init(_ kind: Kind, at offset: Int, _ reason: String) {
        self.kind = kind
        self.offset = offset
        self.reason = reason
    }

    /// The same error with its offset moved by `delta` (used when a value is parsed out of a message).
    public func shifted(by delta: Int) -> SIPParseError {
        SIPParseError(kind, at: offset + delta, reason)
    }

    public var description: String { "\(kind.rawValue) at byte \(offset): \(reason)" }
}
