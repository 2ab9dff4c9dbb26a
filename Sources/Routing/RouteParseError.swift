/// Why a Route / Record-Route header field body or a URI in it could not be parsed, in the words of
/// Kamailio's parser (`parse_rr.c` `do_parse_rr_body`, `parse_nameaddr.c`, `parse_uri.c`).
/// Offsets are UTF-8 byte offsets into the header field body.
public enum RouteParseError: Error, Hashable, Sendable {
    /// The field body is empty ("No body for record-route").
    case emptyBody(field: Int)
    /// An entry has no unquoted `<` (a bare URI without angle brackets).
    case missingAngleBrackets(field: Int, offset: Int)
    /// An entry has `<` but no closing unquoted `>`.
    case missingClosingBracket(field: Int, offset: Int)
    /// A comma with nothing after it ("Text after comma missing"): a trailing comma.
    case textAfterCommaMissing(field: Int, offset: Int)
    /// Something other than `,` or `;` follows an entry's `>` ("comma expected").
    case commaExpected(field: Int, offset: Int)
    /// `;` after `>` with no header parameter after it.
    case emptyHeaderParameters(field: Int, offset: Int)
    /// A URI that Kamailio's `parse_uri` rejects.
    case invalidURI(String)
}
