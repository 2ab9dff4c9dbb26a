import Testing
@testable import Transport

@Suite struct TCPLookupCacheTests {
    private func key(client: Int) -> TCPConnection.Key {
        // A load generator's clients: address and port count up together.
        TCPConnection.Key(low: Endpoint(address: .v4(0x0a01_0001), port: 5060),
                          high: Endpoint(address: .v4(0x0a01_0064 + UInt32(client)), port: UInt16(40_000 + client)))
    }

    @Test func remembersWhereConnectionsSitUntilTheTableChanges() throws {
        var table: [TCPConnection.Key: TCPConnection] = [:]
        for client in 0..<64 {
            table[key(client: client)] = TCPConnection(key: key(client: client), time: .zero, serial: client,
                                                       framing: .default)
        }
        var cache = TCPLookupCache()
        for client in 0..<64 {
            let index = try #require(table.index(forKey: key(client: client)))
            cache.remember(key(client: client), at: index)
        }
        // A found index is always the key's own; two keys sharing a slot only cost a dictionary
        // lookup, and 64 such clients in 1024 slots share few.
        var found = 0
        for client in 0..<64 {
            guard let index = cache.index(of: key(client: client)) else { continue }
            #expect(table[index].value.serial == client)
            found += 1
        }
        #expect(found >= 60)
        #expect(cache.index(of: key(client: 64)) == nil)
        cache.removeAll()
        #expect((0..<64).allSatisfy { cache.index(of: key(client: $0)) == nil })
    }
}
