@testable import Dialogs
import Capture
import SIP
import Transport

extension MessageFacts {
    /// The facts of a message as the tracker reads them (its box, when observed anywhere); nil
    /// when the message lacks what a dialog needs.
    static func of(_ message: SIPMessage) -> MessageFacts? {
        let endpoint = Endpoint(address: .v4(0x7F00_0001), port: 5060)
        let flow = Flow(source: endpoint, destination: endpoint, transport: .udp)
        return PreparedMessage(ObservedMessage(message: message, flow: flow, time: .zero, frames: [1])).facts
    }
}
