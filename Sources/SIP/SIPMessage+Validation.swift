/// Strict checks (RFC 3261 8.1.1, 20; RFC 4475 section 3.1.2 and 3.1.4) applied on demand.
extension SIPMessage {
    /// Headers that must appear at most once (RFC 3261 7.3.1: only list headers may repeat;
    /// RFC 4475 3.1.4.8).
    static let singleValued: [HeaderName] = [.callID, .cseq, .from, .to, .maxForwards, .contentType, .expires]

    /// Checks what routing and dialog tracking rely on: the Request-URI, the mandatory headers
    /// (To, From, CSeq, Call-ID, Via; RFC 3261 8.1.1), single-valued headers, CSeq method,
    /// every Via, From, To, Contact, Route and Record-Route value, and numeric scalars.
    /// Headers nobody here interprets (Date, Warning ...) are not checked (RFC 4475 3.1.2.12
    /// lets a parser ignore them). Offsets are relative to `bytes`.
    public func validate() throws(SIPParseError) {
        if case .request(let method, let uriText) = startLine {
            let uri: SIPURI
            do { uri = try SIPURI(parsing: uriText) } catch { throw error.shifted(by: startLineParts.target.lowerBound) }
            if (uri.scheme == .sip || uri.scheme == .sips), !uri.headers.isEmpty {
                // RFC 3261 19.1.1 table: headers are not allowed in a Request-URI (RFC 4475 3.1.2.11).
                throw SIPParseError(.malformedURI, at: startLineParts.target.lowerBound, "headers in the Request-URI")
            }
            if let cseq = try strictCSeq(), cseq.method != method {
                throw SIPParseError(.methodMismatch, at: offset(of: .cseq), "CSeq method \(cseq.method) differs from \(method)")
            }
        } else {
            _ = try strictCSeq()
        }
        for name in [HeaderName.to, .from, .cseq, .callID, .via] where !contains(name) {
            throw SIPParseError(.missingHeader, at: startLineParts.method.lowerBound, "\(name) header missing")
        }
        for name in Self.singleValued {
            let matching = table.filter { has($0, name) }
            if matching.count > 1 {
                throw SIPParseError(.multipleValues, at: rawName(of: matching[1]).lowerBound, "\(name) appears more than once")
            }
        }
        if let id = first(.callID) {
            let text = Array(value(of: id).utf8)
            // callid = word [ "@" word ] (RFC 3261 25.1)
            if text.isEmpty || !text.allSatisfy({ ByteClass.isWord($0) || $0 == UInt8(ascii: "@") }) {
                throw SIPParseError(.malformedHeader, at: id.rawValue.lowerBound, "Call-ID is not word[@word]")
            }
        }
        for name in [HeaderName.from, .to] {
            if let h = first(name) {
                do { _ = try NameAddress(parsing: value(of: h)) } catch { throw error.shifted(by: h.rawValue.lowerBound) }
            }
        }
        try eachValue(.via) { text throws(SIPParseError) in _ = try Via(parsing: text) }
        try eachValue(.route) { text throws(SIPParseError) in try Self.checkRouteValue(text) }
        try eachValue(.recordRoute) { text throws(SIPParseError) in try Self.checkRouteValue(text) }
        let contactValues = values(.contact)
        if contactValues.contains("*") {
            if contactValues.count != 1 {
                throw SIPParseError(.malformedNameAddress, at: offset(of: .contact), "'*' mixed with other Contact values")
            }
        } else {
            try eachValue(.contact) { text throws(SIPParseError) in _ = try NameAddress(parsing: text) }
        }
        try checkNumber(.maxForwards, max: 255)
        try checkNumber(.expires, max: Int(UInt32.max))
        try checkNumber(.minExpires, max: Int(UInt32.max))
        try checkRetryAfter()
    }

    /// Route / Record-Route values are always name-addr (RFC 3261 25.1 route-param, rec-route).
    static func checkRouteValue(_ text: String) throws(SIPParseError) {
        let address = try NameAddress(parsing: text)
        guard address.isBracketed else {
            throw SIPParseError(.malformedNameAddress, at: 0, "Route/Record-Route value must be <URI>")
        }
    }

    private func strictCSeq() throws(SIPParseError) -> CSeq? {
        guard let h = first(.cseq) else { return nil }
        let result: Result<CSeq, SIPParseError> = bytes.withUnsafeBufferPointer { p in
            do throws(SIPParseError) { return .success(try CSeq.parse(p, h.rawValue)) } catch { return .failure(error) }
        }
        do { return try result.get() } catch { throw error.shifted(by: h.rawValue.lowerBound) }
    }

    private func offset(of name: HeaderName) -> Int {
        first(name).map { rawName(of: $0).lowerBound } ?? 0
    }

    /// Runs `check` on every value of every `name` field; an empty element (`a,,b`, RFC 4475
    /// 3.1.2.1) is an error.
    private func eachValue(_ name: HeaderName, _ check: (String) throws(SIPParseError) -> Void) throws(SIPParseError) {
        for h in table where has(h, name) {
            let text = value(of: h)
            let b = Array(text.utf8)
            for r in HeaderValueSplitter.splitKeepingEmpty(b) {
                guard !r.isEmpty else {
                    throw SIPParseError(.malformedHeader, at: h.rawValue.lowerBound, "empty element in \(name) list")
                }
                do { try check(String(decoding: b[r], as: UTF8.self)) } catch {
                    throw error.shifted(by: h.rawValue.lowerBound + r.lowerBound)
                }
            }
        }
    }

    private func checkNumber(_ name: HeaderName, max: Int) throws(SIPParseError) {
        for h in table where has(h, name) {
            guard Self.number(value(of: h), max: max) != nil else {
                throw SIPParseError(.invalidNumber, at: h.rawValue.lowerBound, "\(name) is not a number in 0...\(max)")
            }
        }
    }

    /// Retry-After = delta-seconds [ comment ] *( SEMI retry-param ) (RFC 3261 20.33).
    private func checkRetryAfter() throws(SIPParseError) {
        for h in table where has(h, .retryAfter) {
            let text = value(of: h)
            let digits = text.utf8.prefix { ByteClass.isDigit($0) }
            guard !digits.isEmpty, Self.number(String(decoding: digits, as: UTF8.self), max: Int(UInt32.max)) != nil else {
                throw SIPParseError(.invalidNumber, at: h.rawValue.lowerBound, "Retry-After is not delta-seconds up to 2**32-1")
            }
        }
    }
}
