// libFuzzer entry point for the SIP parser. Compiled together with Sources/SIP/*.swift by
// Scripts/fuzz (one module, so internal parsers are reachable); never part of the package.

@_cdecl("LLVMFuzzerTestOneInput")
public func sipFuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    exercise(bytes, SIPParser.Options())
    exercise(bytes, SIPParser.Options(allowTruncatedBody: true))
    // The value parsers on their own, with the input as text.
    let text = String(decoding: bytes, as: UTF8.self)
    if let uri = try? SIPURI(parsing: text) {
        _ = uri.isEquivalent(to: uri)
        _ = uri.decodedUser
        _ = uri.hostPort
    }
    _ = try? NameAddress(parsing: text)
    _ = try? NameAddress(lenient: text)
    _ = try? Via(parsing: text)
    _ = try? Via(lenient: text)
    _ = try? CSeq(parsing: text)
    _ = HeaderName(text)
    return 0
}

private func exercise(_ bytes: [UInt8], _ options: SIPParser.Options) {
    guard let m = try? SIPParser.parse(bytes, options: options) else { return }
    precondition(m.bodyRange.lowerBound <= m.bodyRange.upperBound && m.bodyRange.upperBound <= bytes.count)
    for h in m.headers {
        precondition(h.rawName.upperBound <= bytes.count && h.rawValue.upperBound <= bytes.count)
    }
    _ = m.headerFields
    _ = m.callID
    _ = m.cseq
    _ = m.method
    _ = m.from?.uri?.isEquivalent(to: m.to?.uri ?? SIPURI(scheme: .sip, host: .name("x"), raw: "sip:x"))
    _ = m.to?.tag
    _ = m.vias.map { ($0.branch, $0.rport, $0.sentBy) }
    _ = m.contacts
    _ = m.isWildcardContact
    _ = m.routeAddresses
    _ = m.recordRouteAddresses
    _ = m.maxForwards
    _ = m.contentLength
    _ = m.expires
    _ = m.event
    _ = m.require
    _ = m.supported
    _ = m.parsedRequestURI
    _ = m.body.count
    for name in [HeaderName.via, .route, .recordRoute, .contact, .supported] {
        _ = m.values(name)
        _ = m.valueRanges(name)
    }
    try? m.validate()
}
