import Foundation
@testable import Dialogs
import Testing

/// `Proxy.recordRouteParameters`: the one-pass reading of a plain value must give exactly what the
/// general reading (RouteEntry + URIParameters) gives, on every Record-Route and Route value of the
/// samples' expected output and of the shared corpus, and on odd spellings.
@Suite struct ProxyTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Every string in `record_route`, `route` and `route_set` arrays of the samples' expected JSON Lines.
    static func sampleValues() throws -> [String] {
        let dir = root.appendingPathComponent("samples")
        var values: [String] = []
        func collect(_ object: Any, key: String?) {
            if let dictionary = object as? [String: Any] {
                for (name, value) in dictionary { collect(value, key: name) }
            } else if let array = object as? [Any] {
                for item in array {
                    if let text = item as? String, ["record_route", "route", "caller", "callee"].contains(key ?? "") {
                        values.append(text)
                    } else {
                        collect(item, key: key)
                    }
                }
            }
        }
        for name in try FileManager.default.contentsOfDirectory(atPath: dir.path) where name.hasSuffix(".expected.jsonl") {
            let text = try String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8)
            for line in text.split(separator: "\n") {
                collect(try JSONSerialization.jsonObject(with: Data(line.utf8)), key: nil)
            }
        }
        return values
    }

    /// Record-Route and Route field bodies of the shared corpus (skipped when absent), each whole
    /// and split at commas.
    static func corpusValues() throws -> [String] {
        let dir = ["../shared/corpus/messages", "../../shared/corpus/messages"]
            .map { root.appendingPathComponent($0).standardizedFileURL }
            .first { FileManager.default.fileExists(atPath: $0.path) }
        guard let dir, let files = FileManager.default.enumerator(at: dir, includingPropertiesForKeys: nil) else { return [] }
        var values: [String] = []
        for case let url as URL in files where url.pathExtension == "sip" {
            let text = String(decoding: try Data(contentsOf: url), as: UTF8.self)
            for line in text.split(whereSeparator: \.isNewline) {
                let lower = line.lowercased()
                guard lower.hasPrefix("record-route:") || lower.hasPrefix("route:"),
                      let colon = line.firstIndex(of: ":") else { continue }
                let body = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                values.append(body)
                values += body.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            }
        }
        return values
    }

    static let oddValues = [
        "<sip:10.0.0.1;lr;ftag=a1;nat=yes>", "<sip:10.0.0.1;LR;Transport=TCP;R2=on;ftag=x>",
        "<sip:10.0.0.1;lr=on;=v;;novalue;a=b=c;>", "<sip:10.0.0.1>", "<sip:10.0.0.1;>", "<>", "<;a=b>",
        "<sip:h;tr\u{212A}ansport=1;lrx;xlr;r22>", "<tel:+123;phone-context=x;lr>", "<si;p:host;a=1>",
        "<sip:user@h;a=1>", "<sip:user;u=1@h;a=1>", "<sip:h;a=1?X=y>", "<sip:h;a=\"q;r\";b>",
        "<sip:h; a = 1 ;b>", "<sip:h;a=1>;hp=1", "<sip:h;a=1>,<sip:g;b=2>", "Proxy <sip:h;a=1>",
        "sip:h;a=1", "<sip:h;a=1", "<sip:h;a=é;ü=1>", "<sip:[::1]:5060;ftag=z;lr>", "<sip:h;a=1>>",
        "<<sip:h;a=1>", "<sip:h;a\t=1>", "",
    ]

    @Test func plainReadingAgreesWithGeneralReading() throws {
        let values = try Self.sampleValues() + Self.corpusValues() + Self.oddValues
        var plain = 0
        for value in values {
            let general = Proxy.parsedRecordRouteParameters(value)
            let proxy = Proxy(addresses: [], recordRoute: [value])
            let got = proxy.recordRouteParameters
            #expect(got.map(\.name) == general.map(\.name), "\(value)")
            #expect(got.map(\.value) == general.map(\.value), "\(value)")
            if let fast = Proxy.plainRecordRouteParameters(value) {
                plain += 1
                #expect(fast.map(\.name) == general.map(\.name) && fast.map(\.value) == general.map(\.value), "\(value)")
            }
        }
        #expect(values.count > 100)
        #expect(plain > values.count / 2)
    }

    @Test func parametersOfAKamailioRecordRoute() {
        let proxy = Proxy(addresses: [], recordRoute: ["<sip:10.0.0.1;LR;ftag=a1;nat=yes;did=b2.1>", "<sip:10.0.0.2;r2=on>"])
        let parameters = proxy.recordRouteParameters
        #expect(parameters.map(\.name) == ["ftag", "nat", "did"])
        #expect(parameters.map(\.value) == ["a1", "yes", "b2.1"])
        #expect(Proxy(addresses: []).recordRouteParameters.isEmpty)
    }
}
