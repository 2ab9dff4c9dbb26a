import Capture
import Dialogs
@testable import Reports
import Testing
import Transport

@Test func writesAddressesAsTheirDescription() {
    let addresses: [TransportAddress?] = [
        TransportAddress(Endpoint(address: IPAddress(v4: [127, 0, 0, 1]), port: 5060), .udp),
        TransportAddress(Endpoint(address: IPAddress(v4: [0, 10, 100, 255]), port: 0), .tcp),
        TransportAddress(Endpoint(address: IPAddress(v4: [192, 168, 1, 9]), port: 65535), .wss),
        TransportAddress(Endpoint(address: IPAddress(v4: [255, 255, 255, 255]), port: 9), .ws),
        TransportAddress(Endpoint(address: IPAddress(v4: [10, 0, 0, 100]), port: 5061), .tls),
        TransportAddress(Endpoint(address: IPAddress(v4: [1, 2, 3, 4]), port: 80), .sctp),
        TransportAddress(Endpoint(address: IPAddress(v6: [0x20, 0x01, 0x0d, 0xb8] + Array(repeating: 0, count: 11) + [1]),
                                  port: 5061), .tls),
        nil,
    ]
    for address in addresses {
        var json = JSONWriter()
        json.beginObject()
        json.field("a", address: address)
        json.endObject()
        var expected = JSONWriter()
        expected.beginObject()
        expected.field("a", address?.description)  // the interpolated text
        expected.endObject()
        #expect(json.text == expected.text)
    }
    #expect(addresses[0].map { "\($0)" } == "127.0.0.1:5060/udp")
    var list = JSONWriter()
    list.beginObject()
    list.field("list", addresses: addresses.compactMap { $0 })
    list.endObject()
    var expected = JSONWriter()
    expected.beginObject()
    expected.field("list", strings: addresses.compactMap { $0?.description })
    expected.endObject()
    #expect(list.text == expected.text)
}

@Test func escapesQuotesBackslashesAndControlCharacters() {
    var json = JSONWriter()
    json.beginObject()
    json.field("text", "a\"b\\c\nd\re\tf\u{08}\u{0C}\u{01}\u{1F}")
    json.endObject()
    #expect(json.text == #"{"text":"a\"b\\c\nd\re\tf\b\f\u0001\u001f"}"#)
}

@Test func keepsUnicodeAndKeyOrder() {
    var json = JSONWriter()
    json.beginObject()
    json.field("zeta", "é✓")
    json.field("alpha", 1)
    json.field("mid", nil as String?)
    json.key("list")
    json.beginArray()
    json.string("x")
    json.int(2)
    json.beginObject()
    json.field("ok", true)
    json.endObject()
    json.endArray()
    json.key("empty")
    json.beginObject()
    json.endObject()
    json.endObject()
    #expect(json.text == #"{"zeta":"é✓","alpha":1,"mid":null,"list":["x",2,{"ok":true}],"empty":{}}"#)
}

@Test func writesNumbersAndNestedContainersWithTheirCommas() {
    var json = JSONWriter()
    json.beginObject()
    json.key("numbers")
    json.beginArray()
    for number in [0, 7, -7, 10, 4_294_967_296, Int.max, Int.min] { json.int(number) }
    json.int(nil)
    json.endArray()
    json.key("nested")
    json.beginArray()
    json.beginArray(); json.endArray()
    json.beginObject(); json.field("a", true); json.field("b", false); json.endObject()
    json.beginArray(); json.null(); json.bool(true); json.endArray()
    json.endArray()
    json.endObject()
    #expect(json.text == #"{"numbers":[0,7,-7,10,4294967296,9223372036854775807,-9223372036854775808,null],"#
            + #""nested":[[],{"a":true,"b":false},[null,true]]}"#)
}

/// The block- and word-at-a-time scan must agree with the byte test on every byte value at every position,
/// and never flag text that needs no escaping (UTF-8 above 0x7f included).
@Test func escapeScanFindsEveryByteThatNeedsEscaping() {
    for length in [1, 7, 8, 9, 15, 16, 17, 23, 24, 31, 32, 33, 40] {
        for position in 0..<length {
            for byte in UInt8.min...UInt8.max {
                var text = Array(repeating: UInt8(ascii: "a"), count: length)
                text[position] = byte
                let expected = byte < 0x20 || byte == 0x22 || byte == 0x5c
                #expect(text.withUnsafeBufferPointer(JSONWriter.anyNeedsEscape) == expected)
            }
        }
    }
    let clean = Array("sip:alice@example.com;lr;ftag=é✓~!#$%&'()*+,-./:;<=>?@[]^_`{|}".utf8)
    #expect(!clean.withUnsafeBufferPointer(JSONWriter.anyNeedsEscape))
    #expect(!([] as [UInt8]).withUnsafeBufferPointer(JSONWriter.anyNeedsEscape))
}

/// Strings are checked and copied sixteen, then eight bytes at a time: a byte that needs escaping
/// anywhere (the first block, a later one, a word after them, the tail) must still come out
/// escaped, and the rest as is.
@Test func escapesAByteAtEveryPositionOfTheWordCopy() {
    for length in [1, 7, 8, 9, 15, 16, 17, 23, 24, 31, 32, 33, 40] {
        for position in 0..<length {
            for byte in UInt8(0)..<0x80 {
                var text = Array(repeating: UInt8(ascii: "a"), count: length)
                text[position] = byte
                var expected = String(repeating: "a", count: position)
                switch byte {
                case 0x22: expected += "\\\""
                case 0x5c: expected += "\\\\"
                case 0x0a: expected += "\\n"
                case 0x0d: expected += "\\r"
                case 0x09: expected += "\\t"
                case 0x08: expected += "\\b"
                case 0x0c: expected += "\\f"
                case ..<0x20: expected += "\\u00" + (byte < 0x10 ? "0" : "") + String(byte, radix: 16)
                default: expected += String(UnicodeScalar(byte))
                }
                expected += String(repeating: "a", count: length - position - 1)
                var json = JSONWriter()
                json.string(String(decoding: text, as: UTF8.self))
                #expect(json.text == "\"" + expected + "\"")
            }
        }
    }
}

/// Digit counts come from comparisons up to five digits and division beyond: every power of ten
/// and its neighbours, up to the largest integers, must read as `String(number)` does.
@Test func writesEveryDigitCountLikeStringDoes() {
    var numbers: [UInt] = [0, 1, 9, UInt(Int.max), UInt.max, UInt.max - 1]
    var power: UInt = 1
    for _ in 0..<19 {
        power *= 10
        numbers += [power - 1, power, power + 1]
    }
    var text = [UInt8](repeating: 0, count: 20)
    for number in numbers {
        let length = text.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress.map { JSONWriter.writeDecimal(number, to: $0) } ?? 0
        }
        #expect(String(decoding: text[..<length], as: UTF8.self) == String(number))
        #expect(JSONWriter.decimalLength(number) == String(number).count)
    }
}

/// Every octet value in every position reads as the address's description does.
@Test func writesEveryOctetLikeTheDescription() {
    for octet in 0...255 {
        let value = UInt8(octet), other = UInt8(255 - octet)
        let address = TransportAddress(Endpoint(address: IPAddress(v4: [value, other, value, other]), port: UInt16(octet)), .udp)
        var json = JSONWriter()
        json.address(address)
        #expect(json.text == "\"\(address.description)\"")
    }
}

@Test func writesTimesAsTheirISO8601Text() {
    let times = [
        CaptureTime(seconds: 1_795_850_986, nanoseconds: 123_456_789),
        CaptureTime(seconds: 0, nanoseconds: 0),
        CaptureTime(seconds: 253_402_300_800, nanoseconds: 5_000),  // year 10000: the array fallback
        CaptureTime(seconds: -62_167_219_201, nanoseconds: 0),
    ]
    var json = JSONWriter(capacity: 16)  // grows while writing in place
    var expected = JSONWriter()
    json.beginArray()
    expected.beginArray()
    for time in times {
        json.time(time)
        expected.string(time.iso8601)
    }
    json.endArray()
    expected.endArray()
    #expect(json.text == expected.text)
    #expect(json.text.hasPrefix("[\"2026-11-28T07:29:46.123456Z\",\"1970-01-01T00:00:00.000000Z\",\"10000-"))
}

@Test func writesEveryDigitCountAsItsDecimalText() {
    // Both parities of every length (pairs of digits, then a single leading one), and each pair.
    var numbers = [0, 9, 10, 99, 100, 101, 999, 1_000, 5_060, 9_999, 10_000, 65_535, 99_999, 100_000,
                   1_000_000, 12_345_678, 987_654_321, Int.max, Int.min, -1, -10, -100]
    var power = 1
    while power <= Int.max / 10 {
        power *= 10
        numbers += [power - 1, power, power + 1]
    }
    numbers += (0..<100).map { $0 * 101 }
    var json = JSONWriter()
    json.beginArray()
    for number in numbers { json.int(number) }
    json.endArray()
    #expect(json.text == "[" + numbers.map(String.init).joined(separator: ",") + "]")
}
