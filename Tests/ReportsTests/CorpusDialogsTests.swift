import Audit
import Dialogs
import Foundation
import Reports
import Testing
import Transport

/// The dialogs and Record-Route sets of six public corpus captures, as tshark establishes them
/// (`Scripts/corpus-dialogs` wrote `Fixtures/corpus-dialogs.tsv`), must be the ones rraudit finds:
/// an independent decoder checks Transport, SIP and Dialogs end to end on traffic nobody here made.
@Suite struct CorpusDialogsTests {
    struct ExpectedDialog: CustomTestStringConvertible, Sendable {
        var capture, callID, fromTag, toTag, method: String
        var recordRoute: [String]
        var testDescription: String { "\(capture) \(callID) \(toTag)" }
    }

    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `../shared/corpus/public` beside the clone (CI), else the workplace's copy.
    static let corpus: URL? = [
        packageRoot.appendingPathComponent("../shared/corpus/public").standardizedFileURL,
        URL(fileURLWithPath: "/work/shared/corpus/public"),
    ].first { FileManager.default.fileExists(atPath: $0.path) }

    static let expected: [ExpectedDialog] = {
        let url = packageRoot.appendingPathComponent("Tests/ReportsTests/Fixtures/corpus-dialogs.tsv")
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").dropFirst(2).map { line in
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            let rr = fields.count > 5 && !fields[5].isEmpty
                ? fields[5].components(separatedBy: " | ") : []
            return ExpectedDialog(capture: fields[0], callID: fields[1], fromTag: fields[2],
                                  toTag: fields[3], method: fields[4], recordRoute: rr)
        }
    }()

    static func dialogs(in capture: String) throws -> [Dialog] {
        guard let corpus else { return [] }
        let pipeline = try DecodePipeline(paths: [corpus.appendingPathComponent(capture).path])
        var analysis = try Analysis(files: 1)
        var dialogs: [Dialog] = []
        analysis.run(pipeline) { dialogs.append($0.dialog) }
        return dialogs
    }

    @Test func fixtureCoversAtLeastFiveCaptures() {
        #expect(Set(Self.expected.map(\.capture)).count >= 5)
    }

    @Test(.enabled(if: corpus != nil, "../shared/corpus is not beside the package"),
          arguments: expected)
    func rrauditFindsTheDialogTsharkFinds(_ expected: ExpectedDialog) throws {
        let found = try Self.dialogs(in: expected.capture).first {
            $0.callID == expected.callID && $0.callerTag == expected.fromTag && $0.calleeTag == expected.toTag
        }
        let dialog = try #require(found, "no dialog \(expected.callID) \(expected.fromTag)/\(expected.toTag)")
        #expect(dialog.method.rawValue == expected.method)
        #expect(dialog.recordRouteAtCaller == expected.recordRoute)
    }

    @Test(.enabled(if: corpus != nil, "../shared/corpus is not beside the package"),
          arguments: Set(expected.map(\.capture)).sorted())
    func everyOtherDialogIsOneThatNeverGotATag(_ capture: String) throws {
        // tshark's list holds dialogs confirmed or early (a 101-299 with a To tag); rraudit also
        // reports INVITEs that were rejected or cancelled before any tag, and nothing else.
        let known = Set(Self.expected.filter { $0.capture == capture }.map { "\($0.callID) \($0.fromTag) \($0.toTag)" })
        for dialog in try Self.dialogs(in: capture)
        where !known.contains("\(dialog.callID) \(dialog.callerTag) \(dialog.calleeTag ?? "")") {
            #expect(dialog.state == .rejected || dialog.state == .cancelled || dialog.calleeTag == nil,
                    "\(capture): unexpected dialog \(dialog.callID) \(dialog.callerTag)/\(dialog.calleeTag ?? "-") \(dialog.state)")
        }
    }
}
