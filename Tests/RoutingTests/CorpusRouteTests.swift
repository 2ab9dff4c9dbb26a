import Foundation
import Routing
import Testing

/// Route / Record-Route fields of the shared real-message corpus (../shared/corpus/messages, not in
/// the repository; skipped when absent) through RouteEntry and LooseRouter.
@Suite struct CorpusRouteTests {
    static let messages: URL? = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return ["../shared/corpus/messages", "../../shared/corpus/messages"]
            .map { root.appendingPathComponent($0).standardizedFileURL }
            .first { FileManager.default.fileExists(atPath: $0.path) }
    }()

    /// (name, body) header fields of a message, CRLF or LF, folded lines joined.
    static func headerFields(_ data: Data) -> [(String, String)] {
        let text = String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
        let head = text.components(separatedBy: "\n\n").first ?? text
        var fields: [(String, String)] = []
        for line in head.components(separatedBy: "\n").dropFirst() {
            if line.first == " " || line.first == "\t", let last = fields.popLast() {
                fields.append((last.0, (last.1 + " " + line.trimmingCharacters(in: .whitespaces))
                    .trimmingCharacters(in: .whitespaces)))
            } else if let colon = line.firstIndex(of: ":") {
                fields.append((line[..<colon].trimmingCharacters(in: .whitespaces),
                               line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)))
            }
        }
        return fields
    }

    static func routeFields(_ file: String, _ name: String) throws -> [String] {
        let url = try #require(messages).appendingPathComponent(file)
        return headerFields(try Data(contentsOf: url)).filter { $0.0.lowercased() == name.lowercased() }.map(\.1)
    }

    @Test(.enabled(if: messages != nil)) func everyCorpusRouteFieldParsesOrFailsCleanly() throws {
        let dir = try #require(Self.messages)
        let files = try #require(FileManager.default.enumerator(at: dir, includingPropertiesForKeys: nil))
        let router = LooseRouter(localAddresses: LocalAddresses(sockets: [
            ListeningSocket(proto: .udp, address: "195.37.77.101", port: 5060)]))
        var parsed = 0, failed = 0
        for case let url as URL in files where url.pathExtension == "sip" {
            let fields = Self.headerFields(try Data(contentsOf: url))
            for name in ["route", "record-route"] {
                let bodies = fields.filter { $0.0.lowercased() == name }.map(\.1)
                guard !bodies.isEmpty else { continue }
                if (try? RouteEntry.parseFields(bodies)) != nil { parsed += 1 } else { failed += 1 }
                let out = router.route(RoutedRequest(requestURI: "sip:x@example.com", routeFields: bodies,
                                                     fromTag: "a", toTag: "b", method: "BYE"))
                #expect([1, -1].contains(out.returnCode))
            }
        }
        #expect(parsed >= 15)
        #expect(parsed + failed >= 18)
    }

    @Test(.enabled(if: messages != nil)) func knownCorpusRoutes() throws {
        // A folded comma list of two strict entries (Kamailio's own parser test message).
        let folded = try RouteEntry.parseFields(try Self.routeFields("kamailio/041-route.sip", "Route"))
        #expect(folded.map(\.uriText) == ["sip:aa@mail.ok2rab.nextra.cz:5061", "sip:bb@mail.ok2rab.nextra.cz:5062"])
        #expect(folded.allSatisfy { !$0.isLoose })
        // RFC 4475 3.1.1.1: a folded Route with unknown parameters is still loose.
        let torture = try RouteEntry.parseFields(try Self.routeFields("resiprocate-rfc4475/001-wsinv.sip", "Route"))
        #expect(torture.count == 1 && torture[0].isLoose)
        // A real Kamailio double Record-Route pair with user parts.
        let pair = try RouteEntry.parseFields(try Self.routeFields("kamailio/007-bye_chris.sip", "Route"))
        #expect(pair.map(\.hasR2) == [true, true])
        #expect(pair.map(\.ftag) == ["e495220a31344eb39a6bf44ee3b01303", "e495220a31344eb39a6bf44ee3b01303"])
        #expect(pair[1].uri?.transport == .tcp)
        // A Record-Route folded inside its brackets (sofia-sip parser test): the entry parses, but
        // the white space makes the URI unparsable for Kamailio's parse_uri.
        let folded2 = try RouteEntry.parseFields(try Self.routeFields("sofia-sip/008-own6.sip", "Record-Route"))
        #expect(folded2.count == 2)
        #expect(folded2[0].uri?.maddr == "172.21.40.44")
        #expect(folded2[1].uri == nil)
    }
}
