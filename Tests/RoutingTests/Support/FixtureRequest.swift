/// A minimal view of a SIP request text for the Kamailio fixtures: request line and header fields
/// (folded lines joined). Deliberately independent of the SIP target.
struct FixtureRequest {
    let method: String
    let requestURI: String
    /// (name, body) in order; body trimmed.
    let headers: [(name: String, body: String)]

    init?(text: String) {
        let head = text.components(separatedBy: "\r\n\r\n").first ?? text
        var lines = head.components(separatedBy: "\r\n")
        guard !lines.isEmpty else { return nil }
        let start = lines.removeFirst().split(separator: " ", omittingEmptySubsequences: false)
        guard start.count == 3 else { return nil }
        method = String(start[0])
        requestURI = String(start[1])
        var hs: [(String, String)] = []
        for line in lines where !line.isEmpty {
            if line.first == " " || line.first == "\t", let last = hs.popLast() {
                hs.append((last.0, last.1 + " " + line.trimmingCharacters(in: .whitespaces)))
                continue
            }
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].trimmingCharacters(in: .whitespaces)
            let body = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            hs.append((name, body))
        }
        headers = hs
    }

    /// Bodies of every field named `name` (case-insensitive), in order.
    func fields(_ name: String) -> [String] {
        headers.filter { $0.name.lowercased() == name.lowercased() }.map(\.body)
    }

    /// The `tag` parameter of a From/To field (after the closing `>`), `nil` when none.
    func tag(of name: String) -> String? {
        guard let body = fields(name).first else { return nil }
        let params = body.split(separator: ">", omittingEmptySubsequences: false).last.map(String.init) ?? body
        for p in params.split(separator: ";", omittingEmptySubsequences: false).dropFirst() {
            let kv = p.split(separator: "=", maxSplits: 1)
            if kv.first?.trimmingCharacters(in: .whitespaces).lowercased() == "tag" {
                return kv.count > 1 ? String(kv[1]) : ""
            }
        }
        return nil
    }
}

import Foundation
