/// A SIP/SIPS/TEL URI as Kamailio's `parse_uri` splits it, for the parts the rr logic uses.
/// Text is kept as written; `host` keeps IPv6 brackets, `hostWithoutBrackets` strips them.
public struct RouteURI: Sendable, Hashable {
    /// The URI text exactly as given.
    public let text: String
    /// Lower-cased scheme: `sip`, `sips`, `tel` or `tels`.
    public var scheme: String { parts.scheme.rawValue }
    /// The port number when one is written.
    public var port: Int? { parts.port }
    /// Where the parts are in `text`'s UTF-8: the parse records positions and builds a part's
    /// String only when it is read (most parses are asked for the host and a parameter or two,
    /// and building every part was most of the cost of parsing a URI).
    private let parts: Parts

    // The parts are unwrapped before `slice` is called: `parts.host.map(slice)` made a closure
    // holding a copy of the whole URI for every part read.
    /// The user part (before `@`), `nil` when absent. For `tel:` the number.
    public var user: String? {
        guard let range = parts.user else { return nil }
        return slice(range)
    }
    /// The host as written (IPv6 references keep their `[]`); `nil` for `tel:`.
    public var host: String? {
        guard let range = parts.host else { return nil }
        return slice(range)
    }
    /// The port digits exactly as written (used by the maddr rule).
    public var portText: String? {
        guard let range = parts.portText else { return nil }
        return slice(range)
    }
    /// The URI parameter section without the leading `;` (up to `?`), `""` when there is none.
    public var params: String {
        guard let range = parts.params else { return "" }
        return slice(range)
    }
    /// The header section after `?` (without it), `nil` when absent.
    public var headers: String? {
        guard let range = parts.headers else { return nil }
        return slice(range)
    }

    /// Parses `text` the way Kamailio's `parse_uri` accepts it (approximation of its state machine:
    /// known scheme, no white space, non-empty host, IPv6 only in brackets, numeric port).
    /// Scans UTF-8 bytes: every delimiter is ASCII, and Route values are parsed for every message.
    public init(parsing text: String) throws(RouteParseError) {
        self.text = text
        var utf8 = text
        let parts = utf8.withUTF8 { bytes in Self.split(bytes) }
        guard let parts else { throw .invalidURI(text) }
        self.parts = parts
    }

    /// The pieces of a URI as UTF-8 offsets into its text, or nil when `parse_uri` would reject it.
    ///
    /// Kept as 32-bit offsets: a URI is copied with every Route entry and every question asked of
    /// it, and five optional `Range<Int>`s and an optional port made it 170 bytes (a `memcpy` per
    /// copy); packed, the whole URI is 64. `split` rejects a text of 4 GiB or more.
    private struct Parts: Sendable, Hashable {
        var scheme: Scheme
        /// The port, -1 without one (a port has at most five digits and is at most 65535).
        private var portValue: Int32
        private var userSlot: Slot, hostSlot: Slot, portTextSlot: Slot, paramsSlot: Slot, headersSlot: Slot

        init(scheme: Scheme, user: Range<Int>?, host: Range<Int>?, port: Int?, portText: Range<Int>?,
             params: Range<Int>?, headers: Range<Int>?) {
            self.scheme = scheme
            portValue = port.map { Int32(truncatingIfNeeded: $0) } ?? -1
            userSlot = Slot(user)
            hostSlot = Slot(host)
            portTextSlot = Slot(portText)
            paramsSlot = Slot(params)
            headersSlot = Slot(headers)
        }

        var user: Range<Int>? { userSlot.range }
        var host: Range<Int>? { hostSlot.range }
        var port: Int? { portValue < 0 ? nil : Int(portValue) }
        var portText: Range<Int>? { portTextSlot.range }
        var params: Range<Int>? { paramsSlot.range }
        var headers: Range<Int>? { headersSlot.range }
    }

    /// An optional range of offsets below 2^32 in eight bytes (`UInt32.max` bounds: none).
    private struct Slot: Sendable, Hashable {
        private var lower: UInt32
        private var upper: UInt32

        init(_ range: Range<Int>?) {
            if let range {
                lower = UInt32(truncatingIfNeeded: range.lowerBound)
                upper = UInt32(truncatingIfNeeded: range.upperBound)
            } else {
                lower = .max
                upper = .max
            }
        }

        var range: Range<Int>? { lower == .max ? nil : Int(lower)..<Int(upper) }
    }

    /// The text of one part (the delimiters are ASCII, so a part of valid UTF-8 is valid).
    private func slice(_ range: Range<Int>) -> String {
        var text = text
        return text.withUTF8 { String(decoding: UnsafeBufferPointer(rebasing: $0[range]), as: UTF8.self) }
    }

    /// Lends the parameter section's UTF-8 (what `params` holds) to `body`, without building the
    /// String: callers that only scan the parameters of every parsed Route value read them here.
    public func withParameterBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        withParams(body)
    }

    /// Lends the parameter section's bytes to `body`, without building the String.
    private func withParams<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        var text = text
        let range = parts.params ?? 0..<0
        return text.withUTF8 { body(UnsafeBufferPointer(rebasing: $0[range])) }
    }

    private static func split(_ b: UnsafeBufferPointer<UInt8>) -> Parts? {
        guard b.count < Int(UInt32.max) else { return nil }  // offsets are kept in 32 bits
        func first(_ c: UInt8, in range: Range<Int>) -> Int? {
            // A plain loop: every Route value and Request-URI of every audited message is split here.
            var i = range.lowerBound
            while i < range.upperBound {
                if b[i] == c { return i }
                i += 1
            }
            return nil
        }
        guard let colon = first(UInt8(ascii: ":"), in: 0..<b.count) else { return nil }
        guard let scheme = knownScheme(UnsafeBufferPointer(rebasing: b[0..<colon])) else { return nil }
        // One pass over the rest finds what the steps below need: white space or angle brackets
        // anywhere (parse_uri rejects them; the scheme was checked to be letters), the first `?`
        // (headers), and before it the first `@` (Kamailio's parser switches to the host at the
        // first '@'), the first `;` and the first `;` after that `@` (parameters).
        var question: Int?, at: Int?, firstSemi: Int?, semiAfterAt: Int?
        var i = colon + 1
        while i < b.count {
            var stop = b.count
            // Sixteen bytes at a time: a block holding none of the bytes the loop below acts on
            // (a `;` once both semicolon positions are known changes nothing) is skipped whole;
            // any other block goes byte by byte.
            if i + 16 <= b.count, let base = b.baseAddress {
                let block = UnsafeRawPointer(base + i).loadUnaligned(as: SIMD16<UInt8>.self)
                func eq(_ c: UInt8) -> SIMDMask<SIMD16<Int8>> { block .== SIMD16<UInt8>(repeating: c) }
                let blank = eq(0x20) .| eq(0x09) .| eq(0x0D) .| eq(0x0A)
                let marks = eq(UInt8(ascii: "<")) .| eq(UInt8(ascii: ">")) .| eq(UInt8(ascii: "?")) .| eq(UInt8(ascii: "@"))
                var hit = blank .| marks
                if firstSemi == nil || semiAfterAt == nil { hit = hit .| eq(UInt8(ascii: ";")) }
                // `any` reduces through a call here; the mask's two words tell the same.
                let words = unsafeBitCast(hit, to: SIMD2<UInt64>.self)
                if words[0] | words[1] == 0 {
                    i += 16
                    continue
                }
                stop = i + 16
            }
            while i < stop {
                let c = b[i]
                // Letters, digits, '-', '.', '/' and ':' (most of every URI) are none of the bytes
                // looked for below (all in 0x09...0x40 outside 0x2D...0x3A): one or two compares each.
                if c > UInt8(ascii: "@") || (c >= UInt8(ascii: "-") && c <= UInt8(ascii: ":")) {
                    i += 1
                    continue
                }
                if c == 0x20 || c == 0x09 || c == 0x0D || c == 0x0A || c == UInt8(ascii: "<") || c == UInt8(ascii: ">") {
                    return nil
                } else if question == nil {
                    if c == UInt8(ascii: "?") {
                        question = i
                    } else if c == UInt8(ascii: "@") {
                        if at == nil { at = i; semiAfterAt = nil }
                    } else if c == UInt8(ascii: ";") {
                        if firstSemi == nil { firstSemi = i }
                        if semiAfterAt == nil { semiAfterAt = i }
                    }
                }
                i += 1
            }
        }
        var rest = (colon + 1)..<b.count
        var headers: Range<Int>?
        if let q = question {
            headers = (q + 1)..<rest.upperBound
            rest = rest.lowerBound..<q
        }
        if scheme == .tel || scheme == .tels {
            let semi = firstSemi
            let number = rest.lowerBound..<(semi ?? rest.upperBound)
            guard !number.isEmpty else { return nil }
            return Parts(scheme: scheme, user: number, host: nil, port: nil, portText: nil,
                         params: semi.map { ($0 + 1)..<rest.upperBound }, headers: headers)
        }
        var user: Range<Int>?
        if let at {
            user = rest.lowerBound..<at
            rest = (at + 1)..<rest.upperBound
        }
        var hostPort = rest
        var params: Range<Int>?
        if let semi = semiAfterAt {
            hostPort = rest.lowerBound..<semi
            params = (semi + 1)..<rest.upperBound
        }
        let host: Range<Int>
        var portPart: Range<Int>?
        if hostPort.first.map({ b[$0] == UInt8(ascii: "[") }) ?? false {
            guard let close = first(UInt8(ascii: "]"), in: hostPort) else { return nil }
            host = hostPort.lowerBound..<(close + 1)
            let after = (close + 1)..<hostPort.upperBound
            if !after.isEmpty {
                guard b[after.lowerBound] == UInt8(ascii: ":") else { return nil }
                portPart = (after.lowerBound + 1)..<after.upperBound
            }
        } else if let c = first(UInt8(ascii: ":"), in: hostPort) {
            host = hostPort.lowerBound..<c
            portPart = (c + 1)..<hostPort.upperBound
        } else {
            host = hostPort
        }
        guard !host.isEmpty, !(host.count == 2 && b[host.lowerBound] == UInt8(ascii: "[")
                                && b[host.lowerBound + 1] == UInt8(ascii: "]")) else { return nil }
        var port: Int?
        var portText: Range<Int>?
        if let p = portPart {
            guard !p.isEmpty, p.count <= 5 else { return nil }
            var n = 0
            for i in p {
                guard b[i] >= UInt8(ascii: "0") && b[i] <= UInt8(ascii: "9") else { return nil }
                n = n * 10 + Int(b[i] - UInt8(ascii: "0"))
            }
            guard n <= 65535 else { return nil }
            port = n
            portText = p
        }
        return Parts(scheme: scheme, user: user, host: host, port: port, portText: portText,
                     params: params, headers: headers)
    }

    /// `sip`, `sips`, `tel` or `tels` when the bytes spell one in any case, else nil (read on the
    /// bytes: lowercasing a String per URI was a large part of parsing one).
    private static func knownScheme(_ b: UnsafeBufferPointer<UInt8>) -> Scheme? {
        func spells(_ word: StaticString) -> Bool {
            guard b.count == word.utf8CodeUnitCount else { return false }
            for i in 0..<b.count where b[i] | 0x20 != word.utf8Start[i] { return false }
            return true
        }
        if spells("sip") { return .sip }
        if spells("sips") { return .sips }
        if spells("tel") { return .tel }
        if spells("tels") { return .tels }
        return nil
    }

    /// The schemes `parse_uri` knows, lower-cased.
    private enum Scheme: String, Sendable, Hashable {
        case sip, sips, tel, tels
    }

    /// The host without IPv6 brackets.
    public var hostWithoutBrackets: String? {
        guard let host else { return nil }
        // A first Character "[" starts with that byte: most hosts (IPv4, names) are answered here.
        if host.utf8.first == UInt8(ascii: "["), host.hasPrefix("["), host.hasSuffix("]"), host.utf8.count > 2 {
            return String(host.dropFirst().dropLast())
        }
        return host
    }

    /// Whether the URI has an `lr` parameter (any case, any value): the next hop is a loose router.
    public var isLoose: Bool { withParams { URIParameters.contains(lowercase: "lr", inBytes: $0) } }
    /// Whether the URI has an `r2` parameter (any value; `r2=off` counts).
    public var hasR2: Bool { withParams { URIParameters.contains(lowercase: "r2", inBytes: $0) } }
    /// The value of the first URI parameter named `name` (case-insensitive) as `parse_uri` records
    /// it, `""` without a value, nil when absent; read from the bytes in place.
    public func parameter(_ name: String) -> String? {
        withParams { URIParameters.value(of: name, inBytes: $0) }
    }

    /// `(parameter(lowercase: first), parameter(lowercase: second))` for two different lower-case
    /// ASCII names, found in one pass over the parameters.
    public func parameters(lowercase first: StaticString, _ second: StaticString) -> (String?, String?) {
        withParams { b in
            let (x, y) = URIParameters.valueRanges(ofLowercase: first, second, inBytes: b)
            func text(_ r: Range<Int>?) -> String? {
                r.map { String(decoding: UnsafeBufferPointer(rebasing: b[$0]), as: UTF8.self) }
            }
            return (text(x), text(y))
        }
    }

    /// `parameter(_:)` for a name known to be lower-case ASCII, without lower-casing a String first.
    public func parameter(lowercase name: StaticString) -> String? {
        withParams { URIParameters.value(ofLowercase: name, inBytes: $0) }
    }

    /// Lends the host's UTF-8 as written (IPv6 brackets kept, what `host` holds) to `body`,
    /// without building the String; nil without a host (`tel:`).
    public func withHostBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result? {
        guard let range = parts.host else { return nil }
        var text = text
        return text.withUTF8 { body(UnsafeBufferPointer(rebasing: $0[range])) }
    }

    /// The `maddr` parameter value.
    public var maddr: String? { withParams { URIParameters.value(ofLowercase: "maddr", inBytes: $0) } }
    /// The `transport` parameter as a protocol (`nil` when absent or unknown).
    public var transport: SocketProtocol? {
        withParams { b in
            URIParameters.valueRange(ofLowercase: "transport", inBytes: b)
                .flatMap { SocketProtocol(transportBytes: UnsafeBufferPointer(rebasing: b[$0])) }
        }
    }
    /// Whether a `gr` (GRUU) parameter is present: Kamailio then never treats the URI as myself.
    public var hasGRUU: Bool {
        // Every "myself" test asks: a `gr` parameter needs the letters g and r side by side, so
        // most URIs are answered by one byte scan without reading their parameters.
        withParams { Self.hasLettersGR($0) ? URIParameters.value(ofLowercase: "gr", inBytes: $0) != nil : false }
    }

    private static func hasLettersGR(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.indices.dropLast().contains { bytes[$0] | 0x20 == UInt8(ascii: "g") && bytes[$0 + 1] | 0x20 == UInt8(ascii: "r") }
    }

    /// The URI Kamailio uses for `$du` / R-URI after the maddr rule (`get_maddr_uri`): with `maddr`
    /// it becomes `sip:<maddr>[:<port>]` (scheme forced to sip, every parameter dropped), else the
    /// URI text unchanged.
    public var afterMaddrRule: String {
        guard let maddr else { return text }
        if let portText { return "sip:\(maddr):\(portText)" }
        return "sip:\(maddr)"
    }
}
