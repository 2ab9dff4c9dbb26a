/// Recognising header names in message bytes: compact forms and the known long names.
extension HeaderName {
    /// The compact form (RFC 3261 7.3.3 and extensions) of a one-letter name, if any.
    static func compact(_ c: UInt8) -> HeaderName? {
        switch c | 0x20 {
        case UInt8(ascii: "a"): return HeaderName(code: 2) // acceptContact
        case UInt8(ascii: "b"): return HeaderName(code: 41) // referredBy
        case UInt8(ascii: "c"): return HeaderName(code: 17) // contentType
        case UInt8(ascii: "d"): return HeaderName(code: 45) // requestDisposition
        case UInt8(ascii: "e"): return HeaderName(code: 14) // contentEncoding
        case UInt8(ascii: "f"): return HeaderName(code: 23) // from
        case UInt8(ascii: "i"): return HeaderName(code: 10) // callID
        case UInt8(ascii: "j"): return HeaderName(code: 42) // rejectContact
        case UInt8(ascii: "k"): return HeaderName(code: 55) // supported
        case UInt8(ascii: "l"): return HeaderName(code: 16) // contentLength
        case UInt8(ascii: "m"): return HeaderName(code: 12) // contact
        case UInt8(ascii: "n"): return HeaderName(code: 25) // identityInfo
        case UInt8(ascii: "o"): return HeaderName(code: 21) // event
        case UInt8(ascii: "r"): return HeaderName(code: 40) // referTo
        case UInt8(ascii: "s"): return HeaderName(code: 53) // subject
        case UInt8(ascii: "t"): return HeaderName(code: 57) // to
        case UInt8(ascii: "u"): return HeaderName(code: 7) // allowEvents
        case UInt8(ascii: "v"): return HeaderName(code: 60) // via
        case UInt8(ascii: "x"): return HeaderName(code: 52) // sessionExpires
        case UInt8(ascii: "y"): return HeaderName(code: 24) // identity
        default: return nil
        }
    }

    /// Up to 8 bytes of `p` from `at` (`count` of them), case-folded by setting 0x20 in every
    /// byte, as a little-endian word. Folding every byte is safe here: the characters of known
    /// names are lowercase letters and '-', which already have 0x20 set, and a byte that folds
    /// to '-' without being one (CR) cannot occur inside a header line.
    @inline(__always)
    private static func foldedWord(_ p: UnsafeBufferPointer<UInt8>, _ at: Int, _ count: Int) -> UInt64 {
        let fold: UInt64 = 0x2020_2020_2020_2020
        if let base = p.baseAddress, at + 8 <= p.count {
            let w = UInt64(littleEndian: UnsafeRawPointer(base + at).loadUnaligned(as: UInt64.self)) | fold
            return count >= 8 ? w : w & ((1 << UInt64(count * 8)) &- 1)
        }
        var w: UInt64 = 0
        for k in 0..<min(count, 8) { w |= UInt64(p[at + k] | 0x20) << UInt64(k * 8) }
        return w
    }

    /// `p[s..<s+n]` equals the lowercase name whose bytes are the little-endian words given.
    @inline(__always)
    private static func matches1(_ p: UnsafeBufferPointer<UInt8>, _ s: Int, _ n: Int, _ a: UInt64) -> Bool {
        foldedWord(p, s, n) == a
    }

    @inline(__always)
    private static func matches2(_ p: UnsafeBufferPointer<UInt8>, _ s: Int, _ n: Int, _ a: UInt64, _ b: UInt64) -> Bool {
        foldedWord(p, s, 8) == a && foldedWord(p, s + 8, n - 8) == b
    }

    @inline(__always)
    private static func matches3(_ p: UnsafeBufferPointer<UInt8>, _ s: Int, _ n: Int, _ a: UInt64, _ b: UInt64, _ c: UInt64) -> Bool {
        foldedWord(p, s, 8) == a && foldedWord(p, s + 8, 8) == b && foldedWord(p, s + 16, n - 16) == c
    }

    /// Canonicalises the name bytes `p[range]` (a header name within one line).
    static func lookup(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> HeaderName {
        let code = knownCode(in: p, range)
        return code != 0 ? HeaderName(code: code) : HeaderName(otherBytesIn: UnsafeBufferPointer(rebasing: p[range]))
    }

    /// The code of the known name (long or compact) that `p[range]` spells in any case, or 0.
    /// Known names cost a switch on length and first letter and one byte comparison.
    static func knownCode(in p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> UInt8 {
        let s = range.lowerBound
        switch range.count {
        case 1: if let c = compact(p[s]) { return c.code }
        case 2:
            switch p[s] | 0x20 {
            case UInt8(ascii: "t"):
                if matches1(p, s, 2, 0x6f74) { return 57 } // to
            default: break
            }
        case 3:
            switch p[s] | 0x20 {
            case UInt8(ascii: "v"):
                if matches1(p, s, 3, 0x616976) { return 60 } // via
            default: break
            }
        case 4:
            switch p[s] | 0x20 {
            case UInt8(ascii: "c"):
                if matches1(p, s, 4, 0x71657363) { return 18 } // cseq
            case UInt8(ascii: "d"):
                if matches1(p, s, 4, 0x65746164) { return 19 } // date
            case UInt8(ascii: "f"):
                if matches1(p, s, 4, 0x6d6f7266) { return 23 } // from
            case UInt8(ascii: "p"):
                if matches1(p, s, 4, 0x68746170) { return 32 } // path
            case UInt8(ascii: "r"):
                if matches1(p, s, 4, 0x6b636172) { return 37 } // rack
                if matches1(p, s, 4, 0x71657372) { return 49 } // rseq
            default: break
            }
        case 5:
            switch p[s] | 0x20 {
            case UInt8(ascii: "a"):
                if matches1(p, s, 5, 0x776f6c6c61) { return 6 } // allow
            case UInt8(ascii: "e"):
                if matches1(p, s, 5, 0x746e657665) { return 21 } // event
            case UInt8(ascii: "r"):
                if matches1(p, s, 5, 0x6574756f72) { return 48 } // route
            default: break
            }
        case 6:
            switch p[s] | 0x20 {
            case UInt8(ascii: "a"):
                if matches1(p, s, 6, 0x747065636361) { return 1 } // accept
            case UInt8(ascii: "m"):
                if matches1(p, s, 6, 0x65732d6e696d) { return 30 } // min-se
            case UInt8(ascii: "r"):
                if matches1(p, s, 6, 0x6e6f73616572) { return 38 } // reason
            case UInt8(ascii: "s"):
                if matches1(p, s, 6, 0x726576726573) { return 50 } // server
            default: break
            }
        case 7:
            switch p[s] | 0x20 {
            case UInt8(ascii: "c"):
                if matches1(p, s, 7, 0x64692d6c6c6163) { return 10 } // call-id
                if matches1(p, s, 7, 0x746361746e6f63) { return 12 } // contact
            case UInt8(ascii: "e"):
                if matches1(p, s, 7, 0x73657269707865) { return 22 } // expires
            case UInt8(ascii: "r"):
                if matches1(p, s, 7, 0x65726975716572) { return 46 } // require
            case UInt8(ascii: "s"):
                if matches1(p, s, 7, 0x7463656a627573) { return 53 } // subject
            case UInt8(ascii: "w"):
                if matches1(p, s, 7, 0x676e696e726177) { return 61 } // warning
            default: break
            }
        case 8:
            switch p[s] | 0x20 {
            case UInt8(ascii: "i"):
                if matches1(p, s, 8, 0x797469746e656469) { return 24 } // identity
            case UInt8(ascii: "p"):
                if matches1(p, s, 8, 0x797469726f697270) { return 33 } // priority
            case UInt8(ascii: "r"):
                if matches1(p, s, 8, 0x6f742d7265666572) { return 40 } // refer-to
                if matches1(p, s, 8, 0x736563616c706572) { return 43 } // replaces
                if matches1(p, s, 8, 0x6f742d796c706572) { return 44 } // reply-to
            default: break
            }
        case 9:
            switch p[s] | 0x20 {
            case UInt8(ascii: "c"):
                if matches2(p, s, 9, 0x666e692d6c6c6163, 0x6f) { return 11 } // call-info
            case UInt8(ascii: "s"):
                if matches2(p, s, 9, 0x6574726f70707573, 0x64) { return 55 } // supported
            case UInt8(ascii: "t"):
                if matches2(p, s, 9, 0x6d617473656d6974, 0x70) { return 56 } // timestamp
            default: break
            }
        case 10:
            switch p[s] | 0x20 {
            case UInt8(ascii: "a"):
                if matches2(p, s, 10, 0x6e692d7472656c61, 0x6f66) { return 5 } // alert-info
            case UInt8(ascii: "e"):
                if matches2(p, s, 10, 0x6e692d726f727265, 0x6f66) { return 20 } // error-info
            case UInt8(ascii: "u"):
                if matches2(p, s, 10, 0x6567612d72657375, 0x746e) { return 59 } // user-agent
            default: break
            }
        case 11:
            switch p[s] | 0x20 {
            case UInt8(ascii: "i"):
                if matches2(p, s, 11, 0x796c7065722d6e69, 0x6f742d) { return 26 } // in-reply-to
            case UInt8(ascii: "m"):
                if matches2(p, s, 11, 0x697078652d6e696d, 0x736572) { return 29 } // min-expires
            case UInt8(ascii: "r"):
                if matches2(p, s, 11, 0x6465727265666572, 0x79622d) { return 41 } // referred-by
                if matches2(p, s, 11, 0x66612d7972746572, 0x726574) { return 47 } // retry-after
            case UInt8(ascii: "u"):
                if matches2(p, s, 11, 0x726f707075736e75, 0x646574) { return 58 } // unsupported
            default: break
            }
        case 12:
            switch p[s] | 0x20 {
            case UInt8(ascii: "a"):
                if matches2(p, s, 12, 0x76652d776f6c6c61, 0x73746e65) { return 7 } // allow-events
            case UInt8(ascii: "c"):
                if matches2(p, s, 12, 0x2d746e65746e6f63, 0x65707974) { return 17 } // content-type
            case UInt8(ascii: "m"):
                if matches2(p, s, 12, 0x77726f662d78616d, 0x73647261) { return 27 } // max-forwards
                if matches2(p, s, 12, 0x7265762d656d696d, 0x6e6f6973) { return 28 } // mime-version
            case UInt8(ascii: "o"):
                if matches2(p, s, 12, 0x617a696e6167726f, 0x6e6f6974) { return 31 } // organization
            case UInt8(ascii: "r"):
                if matches2(p, s, 12, 0x722d64726f636572, 0x6574756f) { return 39 } // record-route
            default: break
            }
        case 13:
            switch p[s] | 0x20 {
            case UInt8(ascii: "a"):
                if matches2(p, s, 13, 0x7a69726f68747561, 0x6e6f697461) { return 9 } // authorization
            case UInt8(ascii: "i"):
                if matches2(p, s, 13, 0x797469746e656469, 0x6f666e692d) { return 25 } // identity-info
            case UInt8(ascii: "p"):
                if matches2(p, s, 13, 0x65722d79786f7270, 0x6572697571) { return 36 } // proxy-require
            case UInt8(ascii: "s"):
                if matches2(p, s, 13, 0x2d65636976726573, 0x6574756f72) { return 51 } // service-route
            default: break
            }
        case 14:
            switch p[s] | 0x20 {
            case UInt8(ascii: "a"):
                if matches2(p, s, 14, 0x632d747065636361, 0x746361746e6f) { return 2 } // accept-contact
            case UInt8(ascii: "c"):
                if matches2(p, s, 14, 0x2d746e65746e6f63, 0x6874676e656c) { return 16 } // content-length
            case UInt8(ascii: "r"):
                if matches2(p, s, 14, 0x632d7463656a6572, 0x746361746e6f) { return 42 } // reject-contact
            default: break
            }
        case 15:
            switch p[s] | 0x20 {
            case UInt8(ascii: "a"):
                if matches2(p, s, 15, 0x652d747065636361, 0x676e69646f636e) { return 3 } // accept-encoding
                if matches2(p, s, 15, 0x6c2d747065636361, 0x65676175676e61) { return 4 } // accept-language
            case UInt8(ascii: "s"):
                if matches2(p, s, 15, 0x2d6e6f6973736573, 0x73657269707865) { return 52 } // session-expires
            default: break
            }
        case 16:
            switch p[s] | 0x20 {
            case UInt8(ascii: "c"):
                if matches2(p, s, 16, 0x2d746e65746e6f63, 0x676e69646f636e65) { return 14 } // content-encoding
                if matches2(p, s, 16, 0x2d746e65746e6f63, 0x65676175676e616c) { return 15 } // content-language
            case UInt8(ascii: "w"):
                if matches2(p, s, 16, 0x687475612d777777, 0x6574616369746e65) { return 62 } // www-authenticate
            default: break
            }
        case 18:
            switch p[s] | 0x20 {
            case UInt8(ascii: "p"):
                if matches3(p, s, 18, 0x75612d79786f7270, 0x616369746e656874, 0x6574) { return 34 } // proxy-authenticate
            case UInt8(ascii: "s"):
                if matches3(p, s, 18, 0x7069726373627573, 0x6174732d6e6f6974, 0x6574) { return 54 } // subscription-state
            default: break
            }
        case 19:
            switch p[s] | 0x20 {
            case UInt8(ascii: "a"):
                if matches3(p, s, 19, 0x69746e6568747561, 0x692d6e6f69746163, 0x6f666e) { return 8 } // authentication-info
            case UInt8(ascii: "c"):
                if matches3(p, s, 19, 0x2d746e65746e6f63, 0x7469736f70736964, 0x6e6f69) { return 13 } // content-disposition
            case UInt8(ascii: "p"):
                if matches3(p, s, 19, 0x75612d79786f7270, 0x74617a69726f6874, 0x6e6f69) { return 35 } // proxy-authorization
            case UInt8(ascii: "r"):
                if matches3(p, s, 19, 0x2d74736575716572, 0x7469736f70736964, 0x6e6f69) { return 45 } // request-disposition
            default: break
            }
        default: break
        }
        return 0
    }
}
