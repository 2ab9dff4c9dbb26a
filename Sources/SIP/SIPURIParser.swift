/// The grammar of RFC 3261 19.1 / 25.1 (SIP-URI, SIPS-URI) and RFC 3966 (tel), over bytes.
enum SIPURIParser {
    static func parse(_ b: [UInt8], raw: String) throws(SIPParseError) -> SIPURI {
        // scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )
        var i = 0
        guard i < b.count, ByteClass.isAlpha(b[i]) else { throw SIPParseError(.malformedURI, at: 0, "URI scheme expected") }
        while i < b.count, ByteClass.isAlnum(b[i]) || b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") || b[i] == UInt8(ascii: ".") { i += 1 }
        guard i < b.count, b[i] == UInt8(ascii: ":") else { throw SIPParseError(.malformedURI, at: i, "':' expected after URI scheme") }
        let schemeText = String(decoding: b[0..<i].map(ByteClass.lower), as: UTF8.self)
        for (k, c) in b.enumerated() where c <= 0x20 || c == 0x7F || c == UInt8(ascii: "<") || c == UInt8(ascii: ">") || c == UInt8(ascii: "\"") {
            throw SIPParseError(.malformedURI, at: k, "whitespace, control or delimiter character in URI")
        }
        let rest = i + 1
        switch schemeText {
        case "sip": return try parseSIP(b, from: rest, scheme: .sip, raw: raw)
        case "sips": return try parseSIP(b, from: rest, scheme: .sips, raw: raw)
        case "tel": return try parseTel(b, from: rest, raw: raw)
        default:
            guard rest < b.count else { throw SIPParseError(.malformedURI, at: rest, "empty URI") }
            return SIPURI(scheme: .other(schemeText), host: .name(""), raw: raw)
        }
    }

    private static func parseSIP(_ b: [UInt8], from start: Int, scheme: SIPURI.Scheme, raw: String) throws(SIPParseError) -> SIPURI {
        var i = start
        var user: String? = nil
        var password: String? = nil
        // '@' can only be the userinfo delimiter: it is not allowed unescaped in params or headers.
        if let at = b[start...].firstIndex(of: UInt8(ascii: "@")) {
            let colon = b[start..<at].firstIndex(of: UInt8(ascii: ":"))
            let userEnd = colon ?? at
            guard userEnd > start else { throw SIPParseError(.malformedURI, at: start, "empty user part") }
            try checkEscapes(b, start..<at)
            user = String(decoding: b[start..<userEnd], as: UTF8.self)
            if let colon { password = String(decoding: b[(colon + 1)..<at], as: UTF8.self) }
            i = at + 1
        }
        // host
        let host: SIPURI.Host
        if i < b.count, b[i] == UInt8(ascii: "[") {
            guard let close = b[i...].firstIndex(of: UInt8(ascii: "]")) else {
                throw SIPParseError(.malformedURI, at: i, "IPv6 reference not closed")
            }
            let text = b[(i + 1)..<close]
            guard isIPv6(Array(text)) else { throw SIPParseError(.malformedURI, at: i + 1, "invalid IPv6 address") }
            host = .ipv6(String(decoding: text, as: UTF8.self))
            i = close + 1
        } else {
            let hs = i
            while i < b.count, ByteClass.isAlnum(b[i]) || b[i] == UInt8(ascii: "-") || b[i] == UInt8(ascii: ".") || b[i] == UInt8(ascii: "_") { i += 1 }
            guard i > hs else { throw SIPParseError(.malformedURI, at: hs, "host expected") }
            let text = Array(b[hs..<i])
            if let last = text.last, ByteClass.isDigit(last), text.allSatisfy({ ByteClass.isDigit($0) || $0 == UInt8(ascii: ".") }) {
                guard isIPv4(text) else { throw SIPParseError(.malformedURI, at: hs, "invalid IPv4 address") }
                host = .ipv4(String(decoding: text, as: UTF8.self))
            } else {
                host = .name(String(decoding: text, as: UTF8.self))
            }
        }
        // port
        var port: Int? = nil
        if i < b.count, b[i] == UInt8(ascii: ":") {
            i += 1
            port = try ByteClass.port(b, &i, .malformedURI, "port")
        }
        guard i == b.count || b[i] == UInt8(ascii: ";") || b[i] == UInt8(ascii: "?") else {
            throw SIPParseError(.malformedURI, at: i, "unexpected character after host")
        }
        let (params, headers) = try parseParamsAndHeaders(b, from: i)
        return SIPURI(scheme: scheme, user: user, password: password, host: host, port: port,
                      parameters: params, headers: headers, raw: raw)
    }

    /// tel URI (RFC 3966): `tel:` telephone-subscriber *(";" par).
    private static func parseTel(_ b: [UInt8], from start: Int, raw: String) throws(SIPParseError) -> SIPURI {
        var i = start
        while i < b.count, b[i] != UInt8(ascii: ";"), b[i] != UInt8(ascii: "?") { i += 1 }
        guard i > start else { throw SIPParseError(.malformedURI, at: start, "empty telephone number") }
        let number = String(decoding: b[start..<i], as: UTF8.self)
        let (params, headers) = try parseParamsAndHeaders(b, from: i)
        return SIPURI(scheme: .tel, user: number, host: .name(""), parameters: params, headers: headers, raw: raw)
    }

    private static func parseParamsAndHeaders(_ b: [UInt8], from start: Int) throws(SIPParseError) -> ([GenericParameter], [SIPURI.Header]) {
        var i = start
        var params = [GenericParameter]()
        while i < b.count, b[i] == UInt8(ascii: ";") {
            i += 1
            let ns = i
            while i < b.count, b[i] != UInt8(ascii: ";"), b[i] != UInt8(ascii: "?"), b[i] != UInt8(ascii: "=") { i += 1 }
            guard i > ns else { throw SIPParseError(.malformedURI, at: ns, "empty URI parameter") }
            try checkEscapes(b, ns..<i)
            let name = String(decoding: b[ns..<i], as: UTF8.self)
            var value: String? = nil
            if i < b.count, b[i] == UInt8(ascii: "=") {
                i += 1
                let vs = i
                while i < b.count, b[i] != UInt8(ascii: ";"), b[i] != UInt8(ascii: "?") { i += 1 }
                try checkEscapes(b, vs..<i)
                value = String(decoding: b[vs..<i], as: UTF8.self)
            }
            params.append(GenericParameter(name: name, value: value))
        }
        var headers = [SIPURI.Header]()
        if i < b.count, b[i] == UInt8(ascii: "?") {
            i += 1
            while i <= b.count {
                let hs = i
                while i < b.count, b[i] != UInt8(ascii: "&") { i += 1 }
                let item = b[hs..<i]
                guard let eq = item.firstIndex(of: UInt8(ascii: "=")), eq > hs else {
                    throw SIPParseError(.malformedURI, at: hs, "URI header must be name=value")
                }
                try checkEscapes(b, hs..<i)
                headers.append(SIPURI.Header(name: String(decoding: b[hs..<eq], as: UTF8.self),
                                             value: String(decoding: b[(eq + 1)..<i], as: UTF8.self)))
                if i == b.count { break }
                i += 1
            }
        } else if i < b.count {
            throw SIPParseError(.malformedURI, at: i, "unexpected character in URI")
        }
        return (params, headers)
    }

    /// Every `%` must start a two-hex-digit escape (RFC 3261 25.1 `escaped`).
    private static func checkEscapes(_ b: [UInt8], _ r: Range<Int>) throws(SIPParseError) {
        var i = r.lowerBound
        while i < r.upperBound {
            if b[i] == UInt8(ascii: "%") {
                guard i + 2 < r.upperBound, ByteClass.isHex(b[i + 1]), ByteClass.isHex(b[i + 2])
                else { throw SIPParseError(.malformedURI, at: i, "'%' not followed by two hex digits") }
                i += 3
            } else {
                i += 1
            }
        }
    }

    static func isIPv4(_ t: [UInt8]) -> Bool {
        let parts = t.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard parts.count == 4 else { return false }
        for part in parts {
            guard !part.isEmpty, part.count <= 3 else { return false }
            var v = 0
            for c in part {
                guard ByteClass.isDigit(c) else { return false }
                v = v * 10 + Int(c - 0x30)
            }
            guard v <= 255 else { return false }
        }
        return true
    }

    /// IPv6 address text (RFC 4291 2.2, incl. `::` and an embedded IPv4 tail).
    static func isIPv6(_ t: [UInt8]) -> Bool { ipv6Bytes(t) != nil }

    /// The 16 address bytes of IPv6 text, or nil if it is not a valid address.
    static func ipv6Bytes(_ t: [UInt8]) -> [UInt8]? {
        guard !t.isEmpty, t.count <= 45 else { return nil }
        var groups = [UInt16]()
        var gapAt: Int? = nil
        var i = 0
        if t.starts(with: [0x3A, 0x3A]) { gapAt = 0; i = 2; if i == t.count { return [UInt8](repeating: 0, count: 16) } }
        else if t[0] == 0x3A { return nil }
        var tail4: [UInt8]? = nil
        while i < t.count {
            var j = i
            while j < t.count, ByteClass.isHex(t[j]) { j += 1 }
            if j < t.count, t[j] == UInt8(ascii: ".") {
                // IPv4 tail
                guard isIPv4(Array(t[i...])) else { return nil }
                tail4 = t[i...].split(separator: UInt8(ascii: ".")).map { p in p.reduce(0) { $0 * 10 + ($1 - 0x30) } }
                break
            }
            guard j > i, j - i <= 4 else { return nil }
            var v: UInt16 = 0
            for c in t[i..<j] { v = v << 4 | UInt16(ByteClass.hexValue(c)) }
            groups.append(v)
            if j == t.count { break }
            guard t[j] == 0x3A else { return nil }
            if j + 1 < t.count, t[j + 1] == 0x3A {
                guard gapAt == nil else { return nil }
                gapAt = groups.count
                i = j + 2
                if i == t.count { break }
            } else {
                i = j + 1
                guard i < t.count else { return nil }
            }
        }
        let needed = tail4 == nil ? 8 : 6
        if let gap = gapAt {
            guard groups.count < needed else { return nil }
            groups.insert(contentsOf: [UInt16](repeating: 0, count: needed - groups.count), at: gap)
        } else {
            guard groups.count == needed else { return nil }
        }
        var out = [UInt8]()
        for g in groups { out.append(UInt8(g >> 8)); out.append(UInt8(g & 0xFF)) }
        if let tail4 { out += tail4 }
        return out.count == 16 ? out : nil
    }

    /// Resolves %HH escapes; a `%` not followed by two hex digits is kept as is.
    static func percentDecoded(_ b: [UInt8]) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(b.count)
        var i = 0
        while i < b.count {
            if b[i] == UInt8(ascii: "%"), i + 2 < b.count, ByteClass.isHex(b[i + 1]), ByteClass.isHex(b[i + 2]) {
                out.append(ByteClass.hexValue(b[i + 1]) << 4 | ByteClass.hexValue(b[i + 2]))
                i += 3
            } else {
                out.append(b[i])
                i += 1
            }
        }
        return out
    }
}
