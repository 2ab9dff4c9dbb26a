import Testing
@testable import Routing

struct RouteHeaderEditsTests {
    /// Deleted fields are kept as bits below 64 and listed from 64 on: a request with more Route
    /// fields than that loses exactly the ones deleted, each once however often it is deleted.
    @Test func deletionsBelowAndBeyondSixtyFourFields() {
        let fields = (0..<70).map { "<sip:p\($0).example;lr>" }
        var edits = RouteHeaderEdits(fields: fields)
        let deleted: Set = [0, 3, 62, 63, 64, 65, 69]
        for index in [0, 3, 62, 63, 64, 65, 69, 3, 64, 63] { edits.deleteField(index) }
        edits.appended = ["<sip:new.example;lr>"]
        let kept = fields.indices.filter { !deleted.contains($0) }.map { fields[$0] }
        #expect(edits.rendered() == kept + ["<sip:new.example;lr>"])
    }
}
