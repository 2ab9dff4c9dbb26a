import Testing
@testable import Transport

@Suite struct WebSocketMessageAssemblerTests {
    typealias W = WebSocketFixture

    @Test func fragmentsJoinIntoOneMessageAcrossControlFrames() {
        var assembler = WebSocketMessageAssembler(maxMessageBytes: 1000)
        let stream = W.frame(Array("INVITE ".utf8), final: false) + W.frame([], opcode: 0xa)
            + W.frame(Array("sip:x SIP/2.0".utf8), opcode: 0x0, mask: [3, 1, 4, 1])
        var offset = 0
        var messages: [(bytes: [UInt8], start: Int)] = []
        stream.withUnsafeBufferPointer { storage in
            while offset < storage.count, case .frame(let length, let message, let problem) = assembler.read(storage, at: offset, offset: offset) {
                #expect(problem == nil)
                if let message { messages.append(message) }
                offset += length
            }
        }
        #expect(offset == stream.count)
        #expect(messages.map(\.bytes) == [Array("INVITE sip:x SIP/2.0".utf8)])
        #expect(messages.first?.start == 0)
        #expect(assembler.partial == nil)
    }

    @Test func fragmentedMessageOverTheLimitIsDropped() {
        var assembler = WebSocketMessageAssembler(maxMessageBytes: 10)
        let stream = W.frame(Array("123456".utf8), final: false) + W.frame(Array("789012".utf8), opcode: 0x0)
        stream.withUnsafeBufferPointer { storage in
            guard case .frame(let first, nil, nil) = assembler.read(storage, at: 0, offset: 0),
                  case .frame(_, nil, let problem?) = assembler.read(storage, at: first, offset: first) else {
                Issue.record("unexpected outcome")
                return
            }
            #expect(problem.0.contains("longer than 10"))
        }
    }

    @Test func recognisesAFrameStartingASIPMessage() {
        let assembler = WebSocketMessageAssembler(maxMessageBytes: 1000)
        func starts(_ bytes: [UInt8]) -> Bool? { bytes.withUnsafeBufferPointer { assembler.startsSIPMessage($0, at: 0) } }
        #expect(starts(W.frame(Array("SIP/2.0 200 OK\r\n".utf8))) == true)
        #expect(starts(W.frame(Array("REGISTER sip:x SIP/2.0\r\n".utf8), mask: [9, 8, 7, 6])) == true)
        #expect(starts(W.frame(Array("{\"a\": 1}".utf8))) == false)
        #expect(starts(Array(W.frame(Array("SIP/2.0 200 OK\r\n".utf8)).prefix(5))) == nil)
        #expect(starts(Array("SIP/2.0".utf8)) == false)
    }
}
