import Dialogs
import Routing
import SIP
import Transport

/// The comparisons rules share: route lists against route lists, parameters against parameters,
/// URIs against URIs and against the endpoints packets went to. One place, so every rule judges
/// "same entry" and "same next hop" the same way.
enum RouteComparison {
    /// How an observed route list differs from the expected one, entry by entry (by element).
    struct ListDifference: Sendable {
        /// Expected entries with no observed counterpart.
        var missing: [RouteValue]
        /// Observed entries that are not expected.
        var extra: [RouteValue]
        /// Same elements, different order.
        var reordered: Bool
        /// Expected and observed entries naming the same element, in order.
        var matched: [(expected: RouteValue, observed: RouteValue)]

        var isEmpty: Bool { missing.isEmpty && extra.isEmpty && !reordered }

        /// Matched entries whose URI text differs (parameters, case, spelling).
        var altered: [(expected: RouteValue, observed: RouteValue)] {
            matched.filter { $0.expected.uriText != $0.observed.uriText }
        }

        /// The difference in words for a one-line message, e.g. `misses <sip:a;lr>; adds <sip:b;lr>`,
        /// with the verbs the rule's subject calls for.
        func summary(missing missingVerb: String, extra extraVerb: String, reordered reorderedText: String) -> String {
            var parts: [String] = []
            if !missing.isEmpty { parts.append(missingVerb + " " + missing.map(\.raw).joined(separator: ", ")) }
            if !extra.isEmpty { parts.append(extraVerb + " " + extra.map(\.raw).joined(separator: ", ")) }
            if reordered { parts.append(reorderedText) }
            return parts.joined(separator: "; ")
        }
    }

    /// Aligns `observed` with `expected` by element (longest common subsequence), so one lost
    /// entry shows as one missing entry, not as everything after it shifted.
    static func difference(expected: [RouteValue], observed: [RouteValue]) -> ListDifference {
        // Real route sets hold a handful of entries; a crafted message with thousands must not
        // make the quadratic table blow up, so beyond this only the first entries are aligned.
        let limit = 64
        if expected.count > limit || observed.count > limit {
            var bounded = difference(expected: Array(expected.prefix(limit)), observed: Array(observed.prefix(limit)))
            bounded.missing += expected.dropFirst(limit)
            bounded.extra += observed.dropFirst(limit)
            return bounded
        }
        let e = expected.map(\.element), o = observed.map(\.element)
        // The common case, a route set as it should be: everything matches in order, which is
        // what the table below would find too.
        if e == o {
            return ListDifference(missing: [], extra: [], reordered: false, matched: zip(expected, observed).map { (expected: $0, observed: $1) })
        }
        var table = Array(repeating: Array(repeating: 0, count: o.count + 1), count: e.count + 1)
        for i in stride(from: e.count - 1, through: 0, by: -1) {
            for j in stride(from: o.count - 1, through: 0, by: -1) {
                table[i][j] = e[i] == o[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
            }
        }
        var i = 0, j = 0
        var matched: [(expected: RouteValue, observed: RouteValue)] = []
        var missing: [RouteValue] = [], extra: [RouteValue] = []
        while i < e.count && j < o.count {
            if e[i] == o[j] {
                matched.append((expected[i], observed[j]))
                i += 1
                j += 1
            } else if table[i + 1][j] >= table[i][j + 1] {
                missing.append(expected[i])
                i += 1
            } else {
                extra.append(observed[j])
                j += 1
            }
        }
        missing += expected[i...]
        extra += observed[j...]
        let reordered = !missing.isEmpty && e.count == o.count && e.sorted() == o.sorted()
        if reordered {
            return ListDifference(missing: [], extra: [], reordered: true, matched: matched)
        }
        return ListDifference(missing: missing, extra: extra, reordered: false, matched: matched)
    }

    /// One parameter lost, added or given another value.
    struct ParameterChange: Sendable, Hashable {
        var name: String
        var expected: String?
        var observed: String?
        var wasPresent: Bool
        var isPresent: Bool

        /// `;nat=yes → (lost)` style text for messages and evidence.
        var text: String {
            let before = wasPresent ? URIParameter(name: name, value: expected).text : "(none)"
            let after = isPresent ? URIParameter(name: name, value: observed).text : "(lost)"
            return "\(before) → \(after)"
        }
    }

    /// Parameter differences between two values for the same element. Names compare
    /// case-insensitively, values exactly (Kamailio's `check_route_param` is case-insensitive but
    /// `get_route_param`, hence ftag, is not).
    static func parameterChanges(expected: RouteValue, observed: RouteValue) -> [ParameterChange] {
        guard expected != observed else { return [] }  // the same text has the same parameters
        let before = expected.parameters, after = observed.parameters
        var changes: [ParameterChange] = []
        for parameter in before {
            let match = after.first { $0.name == parameter.name }
            if match == nil || match?.value != parameter.value {
                changes.append(ParameterChange(name: parameter.name, expected: parameter.value,
                                               observed: match?.value ?? nil, wasPresent: true,
                                               isPresent: match != nil))
            }
        }
        for parameter in after where !before.contains(where: { $0.name == parameter.name }) {
            changes.append(ParameterChange(name: parameter.name, expected: nil, observed: parameter.value,
                                           wasPresent: false, isPresent: true))
        }
        return changes
    }

    /// Splits a URI parameter section (without the leading `;`) at unquoted `;`: name lower-cased,
    /// value as written (nil without `=`), both trimmed of spaces and tabs, empty parts skipped.
    static func splitParameters(_ params: String) -> [URIParameter] {
        var params = params
        return params.withUTF8 { bytes in
            func text(_ range: Range<Int>) -> String {
                String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
            }
            var result: [URIParameter] = []
            result.reserveCapacity(bytes.count { $0 == UInt8(ascii: ";") } + 1)  // one allocation
            forEachParameter(bytes) { name, value in
                // Names are mostly lower-case ASCII already, which `lowercased()` returns unchanged.
                let needsLowering = name.contains {
                    bytes[$0] >= 0x80 || (bytes[$0] >= UInt8(ascii: "A") && bytes[$0] <= UInt8(ascii: "Z"))
                }
                result.append(URIParameter(name: needsLowering ? text(name).lowercased() : text(name),
                                           value: value.map(text)))
            }
            return result
        }
    }

    /// What the audit reads of a Route value's URI parameters, from one pass over them.
    struct ParameterScan {
        /// The first `ftag` value (nil also for a bare `ftag`), as `splitParameters` gives it.
        var ftag: String?
        /// Whether an `lr` has a value, as `splitParameters` tells.
        var lrHasValue: Bool
        /// Whether `lr`, `r2` and `gr` are present, as `RouteURI.isLoose`, `hasR2` and `hasGRUU`
        /// answer; nil when the section holds a double quote (their rules for quotes differ from
        /// this split's: they are asked one by one then).
        var flags: (lr: Bool, r2: Bool, gr: Bool)?
        /// Where the first `transport` parameter's value lies (empty without a value), as
        /// `RouteURI.transport` finds it; meaningful only with `flags`.
        var transportValue: Range<Int>?
    }

    /// `ParameterScan` of a parsed URI's parameter section (`RouteURI.withParameterBytes`): split
    /// at `;` outside double quotes, each part trimmed of spaces and tabs, empty parts skipped,
    /// the name before the first `=`. Without a quote the section is split at every `;`, and as a
    /// parsed URI holds no white space, `RouteURI`'s own scans split and name it the same way.
    static func scanParameters(_ bytes: UnsafeBufferPointer<UInt8>) -> ParameterScan {
        var scan = ParameterScan(ftag: nil, lrHasValue: false, flags: (false, false, false))
        var ftagSeen = false, transportSeen = false, hasQuote = false, quoted = false
        var start = 0, equals: Int?
        var index = 0
        while index <= bytes.count {
            if index < bytes.count {
                let byte = bytes[index]
                // Letters (most of every section) are above all three bytes looked for: one compare.
                if byte > UInt8(ascii: "=") {
                    index += 1
                    continue
                }
                if byte == UInt8(ascii: "\"") {
                    quoted.toggle()
                    hasQuote = true
                    index += 1
                    continue
                }
                if byte != UInt8(ascii: ";") || quoted {
                    if byte == UInt8(ascii: "=") && equals == nil { equals = index }
                    index += 1
                    continue
                }
            }
            // One part, start..<index; its first '=' (if any) lies inside the trimmed part.
            let part = trim(bytes, start..<index)
            if !part.isEmpty {
                let name = equals.map { trim(bytes, part.lowerBound..<$0) } ?? part
                let value = equals.map { trim(bytes, ($0 + 1)..<part.upperBound) }
                if !ftagSeen && isName("ftag", bytes, name) {
                    ftagSeen = true
                    scan.ftag = value.map { String(decoding: UnsafeBufferPointer(rebasing: bytes[$0]), as: UTF8.self) }
                } else if isName("lr", bytes, name) {
                    scan.flags?.lr = true
                    if value != nil { scan.lrHasValue = true }
                } else if isName("r2", bytes, name) {
                    scan.flags?.r2 = true
                } else if isName("gr", bytes, name) {
                    scan.flags?.gr = true
                } else if !transportSeen && isName("transport", bytes, name) {
                    transportSeen = true
                    scan.transportValue = value ?? name.upperBound..<name.upperBound
                }
            }
            equals = nil
            start = index + 1
            index += 1
        }
        if hasQuote { scan.flags = nil }
        return scan
    }

    /// True when the parameter name at `range`, lower-cased as `lowercased()` does, is `target`
    /// (lower-case ASCII without `k`). Compared byte by byte, length first: `lowercased()` turns
    /// no character outside ASCII into ASCII letters but KELVIN SIGN (into `k`), so a name with a
    /// byte from 0x80 up never matches, and every ASCII letter keeps its length.
    private static func isName(_ target: StaticString, _ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        guard range.count == target.utf8CodeUnitCount else { return false }
        for offset in 0..<range.count {
            let byte = bytes[range.lowerBound + offset]
            let lower = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
            if lower != target.utf8Start[offset] { return false }
        }
        return true
    }

    /// Calls `body` with the name and value (nil without `=`) ranges of each parameter, split at
    /// `;` outside double quotes, each trimmed of spaces and tabs; empty parts are skipped.
    private static func forEachParameter(_ bytes: UnsafeBufferPointer<UInt8>,
                                         _ body: (_ name: Range<Int>, _ value: Range<Int>?) -> Void) {
        func part(_ range: Range<Int>) {
            let part = trim(bytes, range)
            guard !part.isEmpty else { return }
            if let equals = part.first(where: { bytes[$0] == UInt8(ascii: "=") }) {
                body(trim(bytes, part.lowerBound..<equals), trim(bytes, (equals + 1)..<part.upperBound))
            } else {
                body(part, nil)
            }
        }
        var quoted = false
        var start = 0
        for index in bytes.indices {
            if bytes[index] == UInt8(ascii: "\"") {
                quoted.toggle()
            } else if bytes[index] == UInt8(ascii: ";") && !quoted {
                part(start..<index)
                start = index + 1
            }
        }
        part(start..<bytes.count)
    }

    /// `range` without leading and trailing spaces and tabs.
    private static func trim(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Range<Int> {
        var lower = range.lowerBound, upper = range.upperBound
        while lower < upper, bytes[lower] == UInt8(ascii: " ") || bytes[lower] == UInt8(ascii: "\t") { lower += 1 }
        while upper > lower, bytes[upper - 1] == UInt8(ascii: " ") || bytes[upper - 1] == UInt8(ascii: "\t") { upper -= 1 }
        return lower..<upper
    }

    /// The text without leading and trailing spaces and tabs.
    static func trim(_ text: Substring) -> String {
        guard let first = text.firstIndex(where: { $0 != " " && $0 != "\t" }),
              let last = text.lastIndex(where: { $0 != " " && $0 != "\t" }) else { return "" }
        return String(text[first...last])
    }

    /// RFC 3261 §19.1.4 equivalence when both parse as SIP URIs, else exact text.
    static func equivalentURIs(_ a: String, _ b: String) -> Bool {
        if a == b { return true }  // the usual case, without the trimmed copies
        let left = trim(a[...]), right = trim(b[...])
        if left == right { return true }
        guard let x = try? SIPURI(parsing: left), let y = try? SIPURI(parsing: right) else { return false }
        return x.isEquivalent(to: y)
    }

    /// The port a URI without one means: 5061 for sips: or transport=tls, else 5060 (RFC 3263).
    static func defaultPort(scheme: String, transport: SocketProtocol?) -> Int {
        scheme == "sips" || transport == .tls || transport == .wss ? 5061 : 5060
    }

    /// An IP literal's address (IPv6 with or without brackets), or nil for a host name.
    static func ipAddress(_ host: String) -> IPAddress? {
        if let v4 = dottedQuad(host) { return v4 }
        let text = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        return IPAddress(text: text)
    }

    /// The common case of `ipAddress` read straight from the bytes: text of only digits and dots
    /// that is a dotted quad (four parts of one to three digits, each at most 255). Nil for
    /// anything else, which `IPAddress(text:)` then judges.
    private static func dottedQuad(_ host: String) -> IPAddress? {
        var host = host  // read in place: iterating `utf8` costs several times as much per byte
        return host.withUTF8(dottedQuad)
    }

    private static func dottedQuad(_ bytes: UnsafeBufferPointer<UInt8>) -> IPAddress? {
        var value: UInt32 = 0, part = 0, digits = 0, parts = 1
        for byte in bytes {
            if byte == UInt8(ascii: ".") {
                guard digits > 0, parts < 4 else { return nil }
                value = value << 8 | UInt32(part)
                part = 0
                digits = 0
                parts += 1
            } else if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                part = part * 10 + Int(byte - UInt8(ascii: "0"))
                digits += 1
                guard digits <= 3, part <= 255 else { return nil }
            } else {
                return nil
            }
        }
        guard parts == 4, digits > 0 else { return nil }
        return .v4(value << 8 | UInt32(part))
    }

    static func isIPLiteral(_ host: String) -> Bool { ipAddress(host) != nil }

    /// An IP literal in canonical text, a host name lower-cased.
    static func normalisedHost(_ host: String) -> String {
        ipAddress(host)?.description ?? host.lowercased()
    }

    /// Where a packet sent to `uri` goes when its host is an IP literal: the maddr rule first
    /// (rr-spec §3.1), then the URI's port or its protocol default. A NAT `alias=ip~port~proto`
    /// parameter (Kamailio nathelper `handle_ruri_alias`) names the real destination. Nil for host
    /// names, which would need DNS.
    static func destinations(of uriText: String) -> [Endpoint] {
        guard let uri = try? RouteURI(parsing: uriText) else { return [] }
        return destinations(of: uri)
    }

    /// `destinations(of:)` for a URI already parsed.
    static func destinations(of uri: RouteURI) -> [Endpoint] {
        var result: [Endpoint] = []
        // One pass over the parameters for both names (every compared Route value comes here).
        let (alias, maddr) = uri.parameters(lowercase: "alias", "maddr")
        if let alias {
            let parts = alias.split(separator: "~")
            if parts.count >= 2, let address = ipAddress(String(parts[0])), let port = UInt16(parts[1]) {
                result.append(Endpoint(address: address, port: port))
            }
        }
        let target = maddr != nil ? ((try? RouteURI(parsing: uri.afterMaddrRule)) ?? uri) : uri
        // A dotted quad is read from the host's bytes (no brackets then, so it is what
        // `hostWithoutBrackets` holds); anything else goes the String way.
        if let address = (target.withHostBytes(dottedQuad) ?? nil) ?? target.hostWithoutBrackets.flatMap(ipAddress) {
            let port = target.port ?? defaultPort(scheme: target.scheme, transport: target.transport)
            if let port = UInt16(exactly: port) { result.append(Endpoint(address: address, port: port)) }
        }
        return result
    }

    /// Splits Route header field bodies into values; a body that does not parse stays whole.
    static func values(ofFields fields: [String]) -> [String] {
        fields.flatMap { field -> [String] in
            guard let entries = try? RouteEntry.parseFields([field]) else { return [field] }
            return entries.map(\.raw)
        }
    }
}
