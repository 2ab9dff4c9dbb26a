@testable import Reports
import Testing

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
