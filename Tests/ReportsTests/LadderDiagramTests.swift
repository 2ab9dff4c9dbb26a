import Audit
import Dialogs
import Foundation
import Reports
import Testing
import Transport

@Suite struct LadderDiagramTests {
    /// Frames that carried a SIP message, straight from the decode stage (no dialog logic).
    static func sipFrames(_ name: String) throws -> Set<Int> {
        let pipeline = try DecodePipeline(paths: [Samples.directory.appendingPathComponent("\(name).pcap").path])
        var frames = Set<Int>()
        pipeline.run(emit: { frames.insert($0.frame) }, problem: { _ in })
        return frames
    }

    @Test func oneArrowPerMessageCopyOnTwoProxyChain() throws {
        let (audits, _) = try Samples.analyze("two-proxies-chain")
        let audit = try #require(audits.first)
        #expect(audits.count == 1)
        let ladder = LadderDiagram(audit: audit)
        // Every SIP message of this one-call capture is a copy in the dialog: one arrow each.
        #expect(Set(ladder.arrows.map(\.frame)) == (try Self.sipFrames("two-proxies-chain")))
        #expect(ladder.arrows.count == Set(ladder.arrows.map(\.frame)).count)
        // Path order: caller, the two proxies as the INVITE crossed them, callee.
        #expect(ladder.lanes.map(\.role) == ["caller", "proxy 1", "proxy 2", "callee"])
        let firstInvite = try #require(ladder.arrows.first)
        #expect(firstInvite.kind == .initial && firstInvite.from == 0 && firstInvite.to == 1)
        let svg = ladder.svg(idPrefix: "d1")
        #expect(svg.components(separatedBy: "<g class=\"msg ").count - 1 == ladder.arrows.count)
        #expect(svg.components(separatedBy: "class=\"lifeline\"").count - 1 == 4)
    }

    @Test func inDialogRequestsColouredByTrueDirectionWithVerdictTooltip() throws {
        let (audits, _) = try Samples.analyze("reinvite-from-callee")
        let audit = try #require(audits.first)
        let ladder = LadderDiagram(audit: audit)
        for request in audit.requests {
            let arrow = try #require(ladder.arrows.first { $0.frame == request.frame })
            #expect(arrow.kind.rawValue == request.direction.rawValue)
            if let verdict = request.atProxy {
                #expect(arrow.tooltip.contains("loose_route \(verdict.looseRoute)"))
                #expect(arrow.tooltip.contains("is_direction \(verdict.ftagDirection.rawValue)"))
            }
        }
        #expect(audit.requests.contains { $0.direction == .upstream })
    }

    @Test func arrowsCarryingFindingsAreMarked() throws {
        let (audits, _) = try Samples.analyze("indialog-no-route-to-proxy")
        let audit = try #require(audits.first { !$0.findings.isEmpty })
        let ladder = LadderDiagram(audit: audit)
        for finding in audit.findings {
            let arrow = try #require(ladder.arrows.first { $0.frame == finding.frame })
            #expect(arrow.findings.contains(finding.code))
        }
        let svg = ladder.svg(idPrefix: "x")
        #expect(svg.contains("class=\"halo\""))
        #expect(ladder.arrows.filter { !$0.findings.isEmpty }.count == Set(audit.findings.map(\.frame)).count)
    }
}
