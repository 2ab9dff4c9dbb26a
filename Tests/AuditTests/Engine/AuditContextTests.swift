import Dialogs
import Testing
@testable import Audit

struct AuditContextTests {
    static func context(_ call: CallScenario) throws -> AuditContext {
        try context(of: try #require(call.dialogs().first))
    }

    /// The context `Auditor.audit` builds for `dialog`.
    static func context(of dialog: Dialog) throws -> AuditContext {
        let audit = try Auditor().audit(dialog)
        var cache = RouteValueCache()
        let proxies = dialog.proxies.enumerated().map { ProxyIdentity(index: $0.offset, proxy: $0.element, cache: &cache) }
        let copies = dialog.requests.map { request in request.copies.map { MessageCopy($0, cache: &cache) } }
        return AuditContext(dialog: dialog, requests: audit.requests, requestCopies: copies,
                            proxies: proxies, settings: .kamailioDefaults, cache: &cache)
    }

    @Test func wholeCallShowsBothUAs() throws {
        var call = CallScenario.twoProxies()
        call.establish()
        call.request("BYE", cseq: 2, fromCaller: false)
        let context = try Self.context(call)
        #expect(context.callerIsUA && context.calleeIsUA)
        #expect(context.formingResponses.map(\.frame) == [4, 5, 6, 7, 8, 9])   // 180 and 200 on three legs
        #expect(context.recordRouteValues.map(\.raw) == ["<sip:127.0.0.20;lr;ftag=A;nat=yes>", "<sip:127.0.0.10;lr;ftag=A>"])
        #expect(context.uaRequests.map(\.request.method) == [.ack, .bye])
        #expect(context.visits.count == 4)
    }

    /// Each Record-Route value of the dialog once, in the order first seen (callee side, then
    /// caller side), whether the list is short (searched as it is) or long (searched through a
    /// table from the sixteenth value on): repeats before and after the sixteenth are dropped.
    @Test func recordRouteValuesAreKeptOnceBeyondSixteen() throws {
        let distinct = (1...20).map { "<sip:127.0.0.10;lr;ftag=A;n=\($0)>" }
        var call = CallScenario.oneProxy(recordRoute: Array(distinct.prefix(3)) + distinct.prefix(3) + distinct)
        let extra = "<sip:127.0.0.99;lr>"
        call.establish(mirror: { $0 + $0.reversed() + [extra] + $0 + [extra] })
        let context = try Self.context(call)
        #expect(call.recordRouteAtBob.count == 26 && call.recordRouteAtAlice.count == 80)
        #expect(context.recordRouteValues.map(\.raw) == distinct + [extra])
    }

    /// Capture taken between P1 and P2 only: P1 is seen sending the INVITE and the requests, but it
    /// is not the UAC, so nothing it sends is judged against a UA's route set.
    @Test func captureStartingInsideThePath() throws {
        var call = CallScenario.twoProxies()
        call.establish()
        call.request("BYE", cseq: 2, fromCaller: true)
        call.messages.removeAll { $0.flow.source.description.hasPrefix("127.0.0.1:") || $0.flow.destination.description.hasPrefix("127.0.0.1:") }
        let context = try Self.context(call)
        #expect(!context.callerIsUA)
        #expect(context.expectedRouteSet(.downstream) == nil)
        #expect(try call.audit().findings.isEmpty)
    }

    /// Capture on the caller's leg only: the proxy answers with its own Record-Route, which looks
    /// like a UAS adding one, but it is the proxy's value: not RR_NOT_MIRRORED.
    @Test func responderThatRecordRoutedIsAProxy() throws {
        var call = CallScenario.oneProxy()
        call.establish()
        call.messages.removeAll { $0.flow.source.description == "127.0.0.2:5062" || $0.flow.destination.description == "127.0.0.2:5062" }
        let context = try Self.context(call)
        #expect(!context.calleeIsUA)
        #expect(context.callerIsUA)
        let audit = try call.audit()
        #expect(audit.findings.isEmpty, "\(audit.findings.map(\.message))")
    }
}
