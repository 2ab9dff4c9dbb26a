/// Recognising known long header names from whole words of their bytes, for the parser's fast path.
extension HeaderName {
    /// The code of the known long name that `count` bytes spell, given as little-endian words
    /// with 0x20 ORed into every byte (as `lookup` folds them) and zero past `count`; 0 for none.
    /// Generated from `knownNames`: the same names `lookup` matches, one switch on the length and
    /// one on the first word instead of a switch on the first letter and a word built per test.
    /// `SIPParserFastPathTests` checks every known name in three casings against it, so a name
    /// added to `knownNames` without a case here fails the tests.
    @inline(__always)
    static func knownCode(count: Int, _ w0: UInt64, _ w1: UInt64, _ w2: UInt64) -> UInt8 {
        switch count {
        case 2:
            switch w0 {
            case 0x6f74: return 57 // to
            default: return 0
            }
        case 3:
            switch w0 {
            case 0x616976: return 60 // via
            default: return 0
            }
        case 4:
            switch w0 {
            case 0x71657363: return 18 // cseq
            case 0x65746164: return 19 // date
            case 0x6d6f7266: return 23 // from
            case 0x68746170: return 32 // path
            case 0x6b636172: return 37 // rack
            case 0x71657372: return 49 // rseq
            default: return 0
            }
        case 5:
            switch w0 {
            case 0x776f6c6c61: return 6 // allow
            case 0x746e657665: return 21 // event
            case 0x6574756f72: return 48 // route
            default: return 0
            }
        case 6:
            switch w0 {
            case 0x747065636361: return 1 // accept
            case 0x65732d6e696d: return 30 // min-se
            case 0x6e6f73616572: return 38 // reason
            case 0x726576726573: return 50 // server
            default: return 0
            }
        case 7:
            switch w0 {
            case 0x64692d6c6c6163: return 10 // call-id
            case 0x746361746e6f63: return 12 // contact
            case 0x73657269707865: return 22 // expires
            case 0x65726975716572: return 46 // require
            case 0x7463656a627573: return 53 // subject
            case 0x676e696e726177: return 61 // warning
            default: return 0
            }
        case 8:
            switch w0 {
            case 0x797469746e656469: return 24 // identity
            case 0x797469726f697270: return 33 // priority
            case 0x6f742d7265666572: return 40 // refer-to
            case 0x736563616c706572: return 43 // replaces
            case 0x6f742d796c706572: return 44 // reply-to
            default: return 0
            }
        case 9:
            switch w0 {
            case 0x666e692d6c6c6163:
                if w1 == 0x6f { return 11 } // call-info
                return 0
            case 0x6574726f70707573:
                if w1 == 0x64 { return 55 } // supported
                return 0
            case 0x6d617473656d6974:
                if w1 == 0x70 { return 56 } // timestamp
                return 0
            default: return 0
            }
        case 10:
            switch w0 {
            case 0x6e692d7472656c61:
                if w1 == 0x6f66 { return 5 } // alert-info
                return 0
            case 0x6e692d726f727265:
                if w1 == 0x6f66 { return 20 } // error-info
                return 0
            case 0x6567612d72657375:
                if w1 == 0x746e { return 59 } // user-agent
                return 0
            default: return 0
            }
        case 11:
            switch w0 {
            case 0x796c7065722d6e69:
                if w1 == 0x6f742d { return 26 } // in-reply-to
                return 0
            case 0x697078652d6e696d:
                if w1 == 0x736572 { return 29 } // min-expires
                return 0
            case 0x6465727265666572:
                if w1 == 0x79622d { return 41 } // referred-by
                return 0
            case 0x66612d7972746572:
                if w1 == 0x726574 { return 47 } // retry-after
                return 0
            case 0x726f707075736e75:
                if w1 == 0x646574 { return 58 } // unsupported
                return 0
            default: return 0
            }
        case 12:
            switch w0 {
            case 0x76652d776f6c6c61:
                if w1 == 0x73746e65 { return 7 } // allow-events
                return 0
            case 0x2d746e65746e6f63:
                if w1 == 0x65707974 { return 17 } // content-type
                return 0
            case 0x77726f662d78616d:
                if w1 == 0x73647261 { return 27 } // max-forwards
                return 0
            case 0x7265762d656d696d:
                if w1 == 0x6e6f6973 { return 28 } // mime-version
                return 0
            case 0x617a696e6167726f:
                if w1 == 0x6e6f6974 { return 31 } // organization
                return 0
            case 0x722d64726f636572:
                if w1 == 0x6574756f { return 39 } // record-route
                return 0
            default: return 0
            }
        case 13:
            switch w0 {
            case 0x7a69726f68747561:
                if w1 == 0x6e6f697461 { return 9 } // authorization
                return 0
            case 0x797469746e656469:
                if w1 == 0x6f666e692d { return 25 } // identity-info
                return 0
            case 0x65722d79786f7270:
                if w1 == 0x6572697571 { return 36 } // proxy-require
                return 0
            case 0x2d65636976726573:
                if w1 == 0x6574756f72 { return 51 } // service-route
                return 0
            default: return 0
            }
        case 14:
            switch w0 {
            case 0x632d747065636361:
                if w1 == 0x746361746e6f { return 2 } // accept-contact
                return 0
            case 0x2d746e65746e6f63:
                if w1 == 0x6874676e656c { return 16 } // content-length
                return 0
            case 0x632d7463656a6572:
                if w1 == 0x746361746e6f { return 42 } // reject-contact
                return 0
            default: return 0
            }
        case 15:
            switch w0 {
            case 0x652d747065636361:
                if w1 == 0x676e69646f636e { return 3 } // accept-encoding
                return 0
            case 0x6c2d747065636361:
                if w1 == 0x65676175676e61 { return 4 } // accept-language
                return 0
            case 0x2d6e6f6973736573:
                if w1 == 0x73657269707865 { return 52 } // session-expires
                return 0
            default: return 0
            }
        case 16:
            switch w0 {
            case 0x2d746e65746e6f63:
                if w1 == 0x676e69646f636e65 { return 14 } // content-encoding
                if w1 == 0x65676175676e616c { return 15 } // content-language
                return 0
            case 0x687475612d777777:
                if w1 == 0x6574616369746e65 { return 62 } // www-authenticate
                return 0
            default: return 0
            }
        case 18:
            switch w0 {
            case 0x75612d79786f7270:
                if w1 == 0x616369746e656874 && w2 == 0x6574 { return 34 } // proxy-authenticate
                return 0
            case 0x7069726373627573:
                if w1 == 0x6174732d6e6f6974 && w2 == 0x6574 { return 54 } // subscription-state
                return 0
            default: return 0
            }
        case 19:
            switch w0 {
            case 0x69746e6568747561:
                if w1 == 0x692d6e6f69746163 && w2 == 0x6f666e { return 8 } // authentication-info
                return 0
            case 0x2d746e65746e6f63:
                if w1 == 0x7469736f70736964 && w2 == 0x6e6f69 { return 13 } // content-disposition
                return 0
            case 0x75612d79786f7270:
                if w1 == 0x74617a69726f6874 && w2 == 0x6e6f69 { return 35 } // proxy-authorization
                return 0
            case 0x2d74736575716572:
                if w1 == 0x7469736f70736964 && w2 == 0x6e6f69 { return 45 } // request-disposition
                return 0
            default: return 0
            }
        default: return 0
        }
    }
}
