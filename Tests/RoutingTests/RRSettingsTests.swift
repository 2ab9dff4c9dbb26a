import Foundation
import Routing
import Testing

@Suite struct RRSettingsTests {
    @Test func kamailioDefaults() {
        let d = RRSettings.kamailioDefaults
        #expect(d.appendFromTag && d.enableDoubleRR == 1)
        #expect(!d.enableFullLR && !d.addUsername && !d.ignoreSIPS && !d.forceSendSocket && d.looseRouteMode == 0)
    }

    @Test func decodesModuleParameterNames() throws {
        let json = #"{"append_fromtag":0,"enable_double_rr":2,"enable_full_lr":1,"add_username":1,"ignore_sips":1,"force_send_socket":1,"loose_route_mode":1}"#
        let s = try JSONDecoder().decode(RRSettings.self, from: Data(json.utf8))
        #expect(s == RRSettings(appendFromTag: false, enableDoubleRR: 2, enableFullLR: true, addUsername: true,
                                ignoreSIPS: true, forceSendSocket: true, looseRouteMode: 1))
        let again = try JSONDecoder().decode(RRSettings.self, from: JSONEncoder().encode(s))
        #expect(again == s)
    }
}
