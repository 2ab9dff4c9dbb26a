import Dialogs

/// CANCEL and the ACK to a non-2xx travel hop by hop with the INVITE (RFC 3261 §9.1, §17.1.1.3):
/// each copy must carry the Request-URI and Route of the INVITE copy sent over the same hop.
struct HopByHopComparison: Sendable {
    /// The copy that differs and the INVITE copy it was compared with.
    var copy: MessageCopy
    var invite: MessageCopy
    var ruriDiffers: Bool
    var routeDiffers: Bool

    /// Every copy of `request` that differs from the INVITE copy on the same hop (same sender and
    /// receiver; else the same Via depth).
    static func differences(of copies: [MessageCopy], in context: AuditContext) -> [HopByHopComparison] {
        guard context.dialog.initialRequest?.method == .invite else { return [] }
        let invite = context.initialCopies
        return copies.compactMap { copy in
            let sameHop = invite.first { $0.flow.source == copy.flow.source && $0.flow.destination == copy.flow.destination }
                ?? invite.first { $0.viaCount == copy.viaCount }
            guard let original = sameHop else { return nil }
            let ruriDiffers = !RouteComparison.equivalentURIs(original.requestURI, copy.requestURI)
            let routeDiffers = !RouteValue.sameURIs(original.route, copy.route)
            guard ruriDiffers || routeDiffers else { return nil }
            return HopByHopComparison(copy: copy, invite: original, ruriDiffers: ruriDiffers, routeDiffers: routeDiffers)
        }
    }

    /// Expected versus observed Request-URI and Route.
    var evidence: [EvidenceEntry] {
        [EvidenceEntry("expected_ruri", .string(invite.requestURI)),
         EvidenceEntry("observed_ruri", .string(copy.requestURI)),
         EvidenceEntry("expected_route", .strings(invite.route.map(\.raw))),
         EvidenceEntry("observed_route", .strings(copy.route.map(\.raw))),
         EvidenceEntry("invite_frame", .int(invite.frame))]
    }

    /// "Route" / "Request-URI" / "Request-URI and Route".
    var whatDiffers: String {
        [ruriDiffers ? "Request-URI" : nil, routeDiffers ? "Route" : nil].compactMap { $0 }.joined(separator: " and ")
    }
}
