import Dialogs

/// CANCEL and the ACK to a non-2xx travel hop by hop with the INVITE (RFC 3261 §9.1, §17.1.1.3):
/// each copy must carry the Request-URI and Route of the INVITE copy sent over the same hop.
struct HopByHopComparison: Sendable {
    /// The copy that differs and the INVITE copy it was compared with.
    var copy: ObservedMessage
    var invite: ObservedMessage
    var ruriDiffers: Bool
    var routeDiffers: Bool

    /// Every copy of `request` that differs from the INVITE copy on the same hop (same sender and
    /// receiver; else the same Via depth).
    static func differences(of request: DialogRequest, in dialog: Dialog) -> [HopByHopComparison] {
        guard let invite = dialog.initialRequest, invite.method == .invite else { return [] }
        return request.copies.compactMap { copy in
            let sameHop = invite.copies.first { $0.flow.source == copy.flow.source && $0.flow.destination == copy.flow.destination }
                ?? invite.copies.first { $0.viaCount == copy.viaCount }
            guard let original = sameHop else { return nil }
            let ruriDiffers = !RouteComparison.equivalentURIs(original.requestURI, copy.requestURI)
            let routeDiffers = original.routeValues.map { RouteValue($0).uriText } != copy.routeValues.map { RouteValue($0).uriText }
            guard ruriDiffers || routeDiffers else { return nil }
            return HopByHopComparison(copy: copy, invite: original, ruriDiffers: ruriDiffers, routeDiffers: routeDiffers)
        }
    }

    /// Expected versus observed Request-URI and Route.
    var evidence: [EvidenceEntry] {
        [EvidenceEntry("expected_ruri", .string(invite.requestURI)),
         EvidenceEntry("observed_ruri", .string(copy.requestURI)),
         EvidenceEntry("expected_route", .strings(invite.routeValues)),
         EvidenceEntry("observed_route", .strings(copy.routeValues)),
         EvidenceEntry("invite_frame", .int(invite.frame))]
    }

    /// "Route" / "Request-URI" / "Request-URI and Route".
    var whatDiffers: String {
        [ruriDiffers ? "Request-URI" : nil, routeDiffers ? "Route" : nil].compactMap { $0 }.joined(separator: " and ")
    }
}
