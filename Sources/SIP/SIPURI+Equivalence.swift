extension SIPURI {
    /// URI comparison per RFC 3261 19.1.4 (sip/sips), RFC 3966 5 (tel), exact text otherwise.
    ///
    /// - schemes must match (a SIP and a SIPS URI are never equivalent);
    /// - userinfo compares case-sensitively, host/parameter names and values case-insensitively,
    ///   all after resolving %-escapes;
    /// - an explicit port never matches an absent one;
    /// - a parameter present in both must match; `user`, `ttl`, `method`, `maddr` and `transport`
    ///   present in only one never match (the 19.1.4 text names the first four; its examples
    ///   treat `transport` the same way), other parameters present in only one are ignored;
    /// - URI headers are never ignored: both sides must carry the same set.
    public func isEquivalent(to other: SIPURI) -> Bool {
        switch (scheme, other.scheme) {
        case (.sip, .sip), (.sips, .sips):
            return sipEquivalent(other)
        case (.tel, .tel):
            return telEquivalent(other)
        case (.other(let a), .other(let b)):
            return a == b && rawAfterScheme == other.rawAfterScheme
        default:
            return false
        }
    }

    private var rawAfterScheme: Substring {
        guard let colon = raw.firstIndex(of: ":") else { return Substring(raw) }
        return raw[raw.index(after: colon)...]
    }

    private func sipEquivalent(_ o: SIPURI) -> Bool {
        guard Self.decoded(user) == Self.decoded(o.user), Self.decoded(password) == Self.decoded(o.password) else { return false }
        guard hostsEqual(host, o.host), port == o.port else { return false }
        guard Self.parametersMatch(parameters, o.parameters, mandatory: ["user", "ttl", "method", "maddr", "transport"]) else { return false }
        return Self.headersMatch(headers, o.headers)
    }

    private func telEquivalent(_ o: SIPURI) -> Bool {
        // RFC 3966 5: visual separators are not significant; parameters compare as a set.
        func number(_ s: String?) -> [UInt8] {
            Self.lowered(Self.decoded(s) ?? []).filter { ![UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "("), UInt8(ascii: ")")].contains($0) }
        }
        guard number(user) == number(o.user), parameters.count == o.parameters.count else { return false }
        return Self.parametersMatch(parameters, o.parameters, mandatory: nil)
    }

    private func hostsEqual(_ a: Host, _ b: Host) -> Bool {
        if case .ipv6(let x) = a, case .ipv6(let y) = b {
            if let bx = SIPURIParser.ipv6Bytes(Array(x.utf8)), let by = SIPURIParser.ipv6Bytes(Array(y.utf8)) { return bx == by }
        }
        return Self.lowered(Self.decoded(a.text) ?? []) == Self.lowered(Self.decoded(b.text) ?? [])
    }

    /// `mandatory`: names that must be on both sides when on one; nil means every parameter.
    private static func parametersMatch(_ a: [GenericParameter], _ b: [GenericParameter], mandatory: Set<String>?) -> Bool {
        func key(_ p: GenericParameter) -> [UInt8] { lowered(decoded(p.name) ?? []) }
        func value(_ p: GenericParameter) -> [UInt8]? { decoded(p.value).map(lowered) }
        let bByName = Dictionary(b.map { (key($0), value($0)) }, uniquingKeysWith: { first, _ in first })
        let aByName = Dictionary(a.map { (key($0), value($0)) }, uniquingKeysWith: { first, _ in first })
        for (name, v) in aByName {
            if let w = bByName[name] {
                if v != w { return false }
            } else if mandatory == nil || mandatory?.contains(String(decoding: name, as: UTF8.self)) == true {
                return false
            }
        }
        for name in bByName.keys where aByName[name] == nil {
            if mandatory == nil || mandatory?.contains(String(decoding: name, as: UTF8.self)) == true { return false }
        }
        return true
    }

    private static func headersMatch(_ a: [Header], _ b: [Header]) -> Bool {
        func normal(_ hs: [Header]) -> [[UInt8]: [UInt8]] {
            Dictionary(hs.map { (lowered(decoded($0.name) ?? []), lowered(decoded($0.value) ?? [])) },
                       uniquingKeysWith: { first, _ in first })
        }
        return a.count == b.count && normal(a) == normal(b)
    }

    private static func decoded(_ s: String?) -> [UInt8]? {
        s.map { SIPURIParser.percentDecoded(Array($0.utf8)) }
    }

    private static func lowered(_ b: [UInt8]) -> [UInt8] { b.map(ByteClass.lower) }
}
