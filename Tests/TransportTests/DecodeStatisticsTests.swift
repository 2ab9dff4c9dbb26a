import Testing
@testable import Transport

@Suite struct DecodeStatisticsTests {
    @Test func addSumsEveryCounter() {
        var a = DecodeStatistics()
        a.frames = 3
        a.sipPayloads = [.udp: 2]
        a.linkTypes = [1: 3]
        a.count(.truncated)
        a.keepAlives = 1
        var b = DecodeStatistics()
        b.frames = 5
        b.sipPayloads = [.udp: 1, .tcp: 4]
        b.linkTypes = [1: 2, 113: 3]
        b.count(.truncated)
        b.count(.tcpGap)
        b.reassembledDatagrams = 2
        a.add(b)
        #expect(a.frames == 8 && a.sipPayloads == [.udp: 3, .tcp: 4] && a.sipMessages == 7)
        #expect(a.linkTypes == [1: 5, 113: 3])
        #expect(a.problems == [.truncated: 2, .tcpGap: 1] && a.problemCount == 3)
        #expect(a.keepAlives == 1 && a.reassembledDatagrams == 2)
    }
}
