/// One Route or Record-Route value (one name-addr of a possibly comma-separated header field), parsed
/// as Kamailio's `parse_rr` / `parse_nameaddr` parse it: `<...>` is required; anything before the
/// first unquoted `<` is the display name (so `<a>,,<b>` yields a second entry whose display name is
/// `,`, and `sip:x, <sip:y>` one entry whose display name is `sip:x, `); only parameters inside the
/// brackets are URI parameters; parameters after `>` are header parameters and are never consulted.
public struct RouteEntry: Sendable, Hashable {
    /// The entry text as on the wire: display name, `<uri>` and any header parameters.
    public let raw: String
    /// The display name text before `<` with surrounding white space removed; `nil` when empty.
    public let displayName: String?
    /// The URI text between `<` and `>`.
    public let uriText: String
    /// The parsed URI; `nil` when Kamailio's URI parser would reject it (loose_route then fails
    /// when it needs this entry).
    public let uri: RouteURI?
    /// Header parameters after `>` without the leading `;` (`""` when none).
    public let headerParams: String
    /// Index of the header field (in the order given) the entry came from.
    public let fieldIndex: Int
    /// UTF-8 byte offset of the entry (its display name) in the field body.
    public let offset: Int
    /// UTF-8 byte length of the entry up to the end of its header parameters (Kamailio's `rr_t.len`).
    public let length: Int

    /// Whether the URI carries `lr` (name case-insensitive, any value): the hop is a loose router.
    /// `false` when the URI does not parse.
    public var isLoose: Bool { uri?.isLoose ?? URIParameters.contains("lr", in: paramsOfText) }
    /// Whether the URI carries `r2` (any value): one of a double Record-Route pair.
    public var hasR2: Bool { uri?.hasR2 ?? URIParameters.contains("r2", in: paramsOfText) }
    /// The `ftag` URI parameter as `get_route_param` finds it (rr-spec §5), `nil` when not found.
    public var ftag: String? { RouteParams.getRouteParam("ftag", in: uriParameters) }
    /// The URI parameter section inside `<>` (after the first `;`, before `?`), also when the URI
    /// itself does not parse.
    public var uriParameters: String { uri?.params ?? paramsOfText }

    private var paramsOfText: String {
        guard let semi = uriText.firstIndex(of: ";") else { return "" }
        let after = uriText[uriText.index(after: semi)...]
        return String(after.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
    }

    /// This entry as parsing a field that holds its text at UTF-8 byte `offset` gives it: the
    /// same text, URI and parameters, with that field index and offset. For callers that parsed
    /// the values of a field one by one and know how the field joins them.
    public func relocated(fieldIndex: Int, offset: Int) -> RouteEntry {
        RouteEntry(raw: raw, displayName: displayName, uriText: uriText, uri: uri, headerParams: headerParams,
                   fieldIndex: fieldIndex, offset: offset, length: length)
    }

    /// Parses Route (or Record-Route) header field bodies, each given unsplit as on the wire, in
    /// order, into their entries, top first. Throws the first error Kamailio's parser would report
    /// (no `<>`, trailing comma, junk after `>`...). An empty list gives no entries.
    public static func parseFields(_ fields: [String]) throws(RouteParseError) -> [RouteEntry] {
        if fields.count == 1 { return try parseField(fields[0], index: 0) }  // the usual case: no copy
        var all: [RouteEntry] = []
        for (i, field) in fields.enumerated() {
            all += try parseField(field, index: i)
        }
        return all
    }

    /// Parses one header field body (`do_parse_rr_body`) given as on the wire, as
    /// `parseFields([body])` does (entries of field index `index`), without the one-element array.
    public static func parseField(_ body: String, index: Int) throws(RouteParseError) -> [RouteEntry] {
        // Read in place (every Route value of every audited message comes here); the typed error
        // is carried out of the closure as a Result.
        var bytes = body
        return try bytes.withUTF8 { b in
            Result { () throws(RouteParseError) in try parseField(b, index: index, whole: body) }
        }.get()
    }

    /// The one entry of a field holding a single value, as `parseField(body, index: 0)` gives it
    /// when it returns one entry; nil when the field holds more than one (or is not a single
    /// well-formed value: then `parseField` says what). For callers that parse one value at a
    /// time (every Route and Record-Route value of a dialog), without the one-element array.
    public static func parseSingleValue(_ body: String) -> RouteEntry? {
        var bytes = body
        return bytes.withUTF8 { b -> RouteEntry? in
            let p = skipWhite(b, 0)
            guard p < b.count, let (entry, next) = try? parseEntry(b, at: p, index: 0, whole: body),
                  next >= b.count else { return nil }
            return entry
        }
    }

    /// - Parameter whole: the field as a String: an entry spanning all of it (the usual single
    ///   value) takes it as its `raw` instead of a copy of the same bytes.
    private static func parseField(_ b: UnsafeBufferPointer<UInt8>, index: Int,
                                   whole: String) throws(RouteParseError) -> [RouteEntry] {
        var p = skipWhite(b, 0)
        guard p < b.count else { throw .emptyBody(field: index) }
        var entries: [RouteEntry] = []
        while true {
            let (entry, q) = try parseEntry(b, at: p, index: index, whole: whole)
            if q >= b.count {
                // Most fields hold one value: an array literal, not an append growing an empty one.
                if entries.isEmpty { return [entry] }
                entries.append(entry)
                return entries
            }
            entries.append(entry)
            guard b[q] == UInt8(ascii: ",") else { throw .commaExpected(field: index, offset: q) }
            p = skipWhite(b, q + 1)
            guard p < b.count else { throw .textAfterCommaMissing(field: index, offset: q) }
        }
    }

    /// The entry starting at `p` (not white space) and where the text after it starts, white
    /// space skipped (`b.count` at the end of the field).
    private static func parseEntry(_ b: UnsafeBufferPointer<UInt8>, at p: Int, index: Int,
                                   whole: String) throws(RouteParseError) -> (RouteEntry, Int) {
        let start = p
        guard let lt = findNotQuoted(b, from: p, UInt8(ascii: "<")) else {
            throw .missingAngleBrackets(field: index, offset: start)
        }
        guard let gt = findNotQuoted(b, from: lt + 1, UInt8(ascii: ">")) else {
            throw .missingClosingBracket(field: index, offset: start)
        }
        var end = gt + 1
        var q = skipWhite(b, end)
        var headerParams = ""
        if q < b.count, b[q] == UInt8(ascii: ";") {
            q = skipWhite(b, q + 1)
            guard q < b.count else { throw .emptyHeaderParameters(field: index, offset: q) }
            // parse_params stops at an unquoted comma.
            var r = q
            var quoted = false
            while r < b.count {
                if b[r] == UInt8(ascii: "\"") { quoted.toggle() }
                if b[r] == UInt8(ascii: ","), !quoted { break }
                r += 1
            }
            var paramEnd = r
            while paramEnd > q, URIParameters.isWhite(b[paramEnd - 1]) { paramEnd -= 1 }
            headerParams = text(b, q, paramEnd)
            end = paramEnd
            q = skipWhite(b, r)
        }
        // Most entries have no display name: nothing to trim.
        let trimmedName = lt == start ? "" : text(b, start, lt).trimmed(of: " \t\r\n")
        let uriText = text(b, lt + 1, gt)
        let entry = RouteEntry(
            raw: start == 0 && end == b.count ? whole : text(b, start, end), displayName: trimmedName.isEmpty ? nil : trimmedName,
            uriText: uriText, uri: try? RouteURI(parsing: uriText), headerParams: headerParams,
            fieldIndex: index, offset: start, length: end - start)
        return (entry, q)
    }

    private static func skipWhite(_ b: UnsafeBufferPointer<UInt8>, _ from: Int) -> Int {
        var i = from
        while i < b.count, URIParameters.isWhite(b[i]) { i += 1 }
        return i
    }

    /// `find_not_quoted`: the first `c` outside double quotes (a `\"` inside quotes does not close).
    private static func findNotQuoted(_ b: UnsafeBufferPointer<UInt8>, from: Int, _ c: UInt8) -> Int? {
        var quoted = false
        // Outside quotes the loop below only steps over bytes that are neither `"` nor `c`: skip
        // those sixteen at a time (the `>` search crosses every URI of every Route value).
        var i = skipNeither(UInt8(ascii: "\""), nor: c, in: b, from: from)
        while i < b.count {
            if !quoted {
                if b[i] == UInt8(ascii: "\"") { quoted = true } else if b[i] == c { return i }
            } else if b[i] == UInt8(ascii: "\""), i > 0, b[i - 1] != UInt8(ascii: "\\") {
                quoted = false
            }
            i += 1
        }
        return nil
    }

    /// The start of the first sixteen-byte block at or after `from` holding `x` or `y` (or the
    /// start of the last partial block): every byte before it is neither.
    private static func skipNeither(_ x: UInt8, nor y: UInt8, in b: UnsafeBufferPointer<UInt8>, from: Int) -> Int {
        guard let base = b.baseAddress else { return from }
        let xs = SIMD16<UInt8>(repeating: x), ys = SIMD16<UInt8>(repeating: y)
        var i = from
        while i + 16 <= b.count {
            let block = UnsafeRawPointer(base + i).loadUnaligned(as: SIMD16<UInt8>.self)
            if any((block .== xs) .| (block .== ys)) { break }
            i += 16
        }
        return i
    }

    private static func text(_ b: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: b[from..<max(from, to)]), as: UTF8.self)
    }
}

extension String {
    func trimmed(of set: String) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s = s.dropFirst() }
        while let l = s.last, set.contains(l) { s = s.dropLast() }
        return String(s)
    }
}
