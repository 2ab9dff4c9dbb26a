import Routing
import Testing

@Suite struct URIParametersTests {
    @Test(arguments: ["lr", "lr=on", "LR", "lr=off", "lr=0", "ftag=a;lr", " lr ;x", "x=1;Lr=true"])
    func lrNameCountsWithAnyValue(params: String) {
        #expect(URIParameters.contains("lr", in: params))
    }

    @Test(arguments: ["", "lrx", "xlr", "foo=lr", "x=\"a;lr\"", "l r"])
    func otherParametersAreNotLR(params: String) {
        #expect(!URIParameters.contains("lr", in: params))
    }

    @Test func valueLookupIsCaseInsensitiveByName() {
        #expect(URIParameters.value(of: "maddr", in: "lr;MADDR=10.0.0.9") == "10.0.0.9")
        #expect(URIParameters.value(of: "gr", in: "lr;gr") == "")
        #expect(URIParameters.value(of: "gr", in: "lr") == nil)
    }

    @Test func listsEveryParameterInWireOrder() {
        let all = URIParameters.all(in: "r2=on; lr ;ftag=a1;note=\"x;y>z\";nat")
        #expect(all.map(\.name) == ["r2", "lr", "ftag", "note", "nat"])
        #expect(all.map(\.value) == ["on", nil, "a1", "\"x;y>z\"", nil])
        #expect(URIParameters.all(in: "").isEmpty && URIParameters.all(in: ";;").isEmpty)
    }
}
