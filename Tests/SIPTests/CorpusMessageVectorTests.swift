import Foundation
import Testing
@testable import SIP

/// Locates the shared corpus: `../shared/corpus/messages` from the package root, else the
/// absolute path used on this machine.
enum Corpus {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static var messages: URL? {
        let candidates = [
            packageRoot.appendingPathComponent("../shared/corpus/messages").standardized,
            URL(fileURLWithPath: "/work/shared/corpus/messages"),
        ]
        return candidates.first { FileManager.default.fileExists(atPath: $0.appendingPathComponent("MANIFEST.tsv").path) }
    }

    /// Every vector path listed in MANIFEST.tsv.
    static func manifestPaths() throws -> [String] {
        guard let dir = messages else { return [] }
        let text = try String(contentsOf: dir.appendingPathComponent("MANIFEST.tsv"), encoding: .utf8)
        return text.split(separator: "\n").dropFirst().compactMap { $0.split(separator: "\t").first.map(String.init) }
    }

    static func bytes(_ path: String) throws -> [UInt8] {
        guard let dir = messages else { return [] }
        return Array(try Data(contentsOf: dir.appendingPathComponent(path)))
    }
}

/// One committed expectation row of Fixtures/message-vectors.tsv.
struct VectorExpectation: CustomTestStringConvertible, Sendable {
    let path: String
    /// `ok`, or `reject:<stage>:<kind>` with stage `parse` (SIPParser.parse throws) or
    /// `validate` (SIPMessage.validate throws).
    let expect: String
    let start: String
    let callID: String
    let cseq: String
    let vias: String
    let headers: String
    let note: String

    var testDescription: String { path }

    static func load() throws -> [VectorExpectation] {
        let url = Corpus.packageRoot.appendingPathComponent("Tests/SIPTests/Fixtures/message-vectors.tsv")
        let text = try String(contentsOf: url, encoding: .utf8)
        return text.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { line in
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            func col(_ i: Int) -> String { i < f.count ? f[i] : "" }
            return VectorExpectation(path: col(0), expect: col(1), start: col(2), callID: col(3), cseq: col(4),
                                     vias: col(5), headers: col(6), note: col(7))
        }
    }
}

@Suite struct CorpusMessageVectorTests {
    static let rows: [VectorExpectation] = (try? VectorExpectation.load()) ?? []

    @Test func everyVectorHasExactlyOneRow() throws {
        let manifest = try Corpus.manifestPaths()
        try #require(Corpus.messages != nil, "corpus not found")
        #expect(manifest.count == 176)
        let listed = Self.rows.map(\.path)
        #expect(Set(listed).count == listed.count, "duplicate rows")
        #expect(Set(listed) == Set(manifest), "rows and MANIFEST.tsv differ")
    }

    /// Parses and validates; returns the outcome in the notation of the fixture and the message.
    static func outcome(_ bytes: [UInt8], _ options: SIPParser.Options) -> (String, String, SIPMessage?) {
        do {
            let m = try SIPParser.parse(bytes, options: options)
            do {
                try m.validate()
                return ("ok", "", m)
            } catch {
                return ("reject:validate:\(error.kind.rawValue)", error.description, m)
            }
        } catch {
            return ("reject:parse:\(error.kind.rawValue)", error.description, nil)
        }
    }

    @Test(arguments: rows)
    func vector(_ row: VectorExpectation) throws {
        let bytes = try Corpus.bytes(row.path)
        // `strict>lenient`: the verdict of the default parser, then the verdict when a body
        // shorter than Content-Length is tolerated (files whose CRLFs were rewritten to LF).
        let expected = row.expect.split(separator: ">").map(String.init)
        var (outcome, detail, message) = Self.outcome(bytes, SIPParser.Options())
        if ProcessInfo.processInfo.environment["SIP_VECTOR_REPORT"] != nil {
            // For reviewing verdicts against the vectors; the committed rows are written by hand.
            let lenient = Self.outcome(bytes, SIPParser.Options(allowTruncatedBody: true))
            print("VECTOR\t\(row.path)\t\(outcome)>\(lenient.0)\t\(detail) | \(lenient.1)")
        }
        #expect(outcome == expected[0], "\(row.path)")
        if expected.count == 2 {
            (outcome, detail, message) = Self.outcome(bytes, SIPParser.Options(allowTruncatedBody: true))
            #expect(outcome == expected[1], "\(row.path) (truncated body allowed)")
            #expect(message?.isBodyTruncated == true, "\(row.path) flagged truncated")
        }
        guard expected.last == "ok", outcome == "ok", let m = message else { return }
        let start: String
        switch m.startLine {
        case .request(let method, _): start = method.rawValue
        case .response(let code, _): start = String(code)
        }
        #expect(start == row.start, "\(row.path) start")
        #expect((m.callID ?? "-") == row.callID, "\(row.path) Call-ID")
        #expect((m.cseq?.description ?? "-") == row.cseq, "\(row.path) CSeq")
        #expect(String(m.vias.count) == row.vias, "\(row.path) Vias")
        #expect(String(m.headers.count) == row.headers, "\(row.path) headers")
    }
}
