import Testing
@testable import SIP

/// The examples of RFC 3261 19.1.4.
@Suite struct SIPURIEquivalenceTests {
    @Test(arguments: [
        ("sip:%61lice@atlanta.com;transport=TCP", "sip:alice@AtLanTa.CoM;Transport=tcp"),
        ("sip:carol@chicago.com", "sip:carol@chicago.com;newparam=5"),
        ("sip:carol@chicago.com", "sip:carol@chicago.com;security=on"),
        ("sip:carol@chicago.com;newparam=5", "sip:carol@chicago.com;security=on"),
        ("sip:biloxi.com;transport=tcp;method=REGISTER?to=sip:bob%40biloxi.com",
         "sip:biloxi.com;method=REGISTER;transport=tcp?to=sip:bob%40biloxi.com"),
        ("sip:alice@atlanta.com?subject=project%20x&priority=urgent",
         "sip:alice@atlanta.com?priority=urgent&subject=project%20x"),
        ("sip:[2001:db8:0:0::1]:5060", "sip:[2001:DB8::1]:5060"),
        ("tel:+1-201-555-0123", "tel:+12015550123"),
    ])
    func equivalent(a: String, b: String) throws {
        let x = try SIPURI(parsing: a), y = try SIPURI(parsing: b)
        #expect(x.isEquivalent(to: y))
        #expect(y.isEquivalent(to: x))
    }

    @Test(arguments: [
        ("SIP:ALICE@AtLanTa.CoM;Transport=udp", "sip:alice@AtLanTa.CoM;Transport=UDP"),
        ("sip:bob@biloxi.com", "sip:bob@biloxi.com:5060"),
        ("sip:bob@biloxi.com", "sip:bob@biloxi.com;transport=udp"),
        ("sip:bob@biloxi.com", "sip:bob@biloxi.com:6000;transport=tcp"),
        ("sip:carol@chicago.com", "sip:carol@chicago.com?Subject=next%20meeting"),
        ("sip:bob@phone21.boxesbybob.com", "sip:bob@192.0.2.4"),
        ("sip:bob@biloxi.com", "sips:bob@biloxi.com"),
        ("sip:bob@biloxi.com;maddr=192.0.2.1", "sip:bob@biloxi.com"),
        ("sip:bob@biloxi.com;user=phone", "sip:bob@biloxi.com"),
        ("sip:bob@biloxi.com;ttl=1", "sip:bob@biloxi.com;ttl=2"),
        ("sip:bob:pw1@biloxi.com", "sip:bob:pw2@biloxi.com"),
        ("sip:bob@biloxi.com", "tel:+1234"),
    ])
    func notEquivalent(a: String, b: String) throws {
        let x = try SIPURI(parsing: a), y = try SIPURI(parsing: b)
        #expect(!x.isEquivalent(to: y))
        #expect(!y.isEquivalent(to: x))
    }
}
