import Glibc
import Routing
import SIP

extension MessageCopy {
    /// The Route header fields parsed as `RouteEntry.parseField(routeFields[i], index: i)` parses
    /// them, taken from the values `route` already holds where a field is plainly those values
    /// joined by commas; nil for a field loose_route must parse itself.
    ///
    /// loose_route parses the Route fields of every routed copy, and those fields are the very
    /// values this copy parsed one by one (a route set of two values is one field `<a>,<b>`).
    /// A field is taken only when its parse cannot differ from the values': not folded, ASCII,
    /// no double quote, each value a `<...>` entry with nothing before `<` that spans its whole
    /// text, and between values only white space around one comma. Then `parse_rr` finds each
    /// value's entry at the value's offset, and nothing else.
    func parsedRouteFields() -> [[RouteEntry]?] {
        guard statusCode == nil, !route.isEmpty else { return [] }
        let message = observed.message
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(route.count)
        message.forEachValueRange(.route) { ranges.append($0) }
        guard ranges.count == route.count else { return [] }
        var fields: [[RouteEntry]?] = []
        var next = 0  // the first value not yet placed in a field
        message.bytes.withUnsafeBufferPointer { bytes in
            for header in message.headers(named: .route) {
                let field = header.rawValue
                var end = next
                while end < ranges.count, ranges[end].lowerBound >= field.lowerBound,
                      ranges[end].upperBound <= field.upperBound { end += 1 }
                defer { next = end }
                guard !header.isFolded, end > next else {
                    fields.append(nil)
                    continue
                }
                fields.append(Self.entries(of: bytes, field: field, fieldIndex: fields.count, values: route[next..<end],
                                           ranges: ranges[next..<end]))
            }
        }
        return fields
    }

    /// The entries of one field made of `values` at `ranges`, or nil when the field is not
    /// plainly those values joined by commas (see `parsedRouteFields`).
    private static func entries(of bytes: UnsafeBufferPointer<UInt8>, field: Range<Int>, fieldIndex: Int,
                                values: ArraySlice<RouteValue>, ranges: ArraySlice<Range<Int>>) -> [RouteEntry]? {
        guard isPlain(bytes, field) else { return nil }
        var entries: [RouteEntry] = []
        entries.reserveCapacity(values.count)
        var position = skipWhite(bytes, from: field.lowerBound, to: field.upperBound)
        for index in values.indices {
            let range = ranges[index]
            guard position == range.lowerBound, let entry = values[index].entry, entry.displayName == nil,
                  entry.offset == 0, entry.length == range.count else { return nil }
            entries.append(entry.relocated(fieldIndex: fieldIndex, offset: range.lowerBound - field.lowerBound))
            position = skipWhite(bytes, from: range.upperBound, to: field.upperBound)
            if index + 1 < values.endIndex {
                guard position < field.upperBound, bytes[position] == UInt8(ascii: ",") else { return nil }
                position = skipWhite(bytes, from: position + 1, to: field.upperBound)
            }
        }
        return position == field.upperBound ? entries : nil
    }

    /// True when `bytes[range]` is ASCII without a double quote; eight bytes at a time.
    private static func isPlain(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let high: UInt64 = 0x8080_8080_8080_8080, quotes: UInt64 = 0x2222_2222_2222_2222
        var offset = range.lowerBound
        while offset + 8 <= range.upperBound {
            let word = UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self)
            // A byte of `word ^ quotes` is zero exactly at a quote; the low seven bits plus 0x7F
            // set the high bit of every other byte without carrying into the next.
            let x = word ^ quotes
            let nonzero = ((x & ~high) &+ ~high) | x
            guard word & high == 0, nonzero & high == high else { return false }
            offset += 8
        }
        while offset < range.upperBound {
            guard bytes[offset] < 0x80, bytes[offset] != UInt8(ascii: "\"") else { return false }
            offset += 1
        }
        return true
    }

    /// The first offset at or after `from` that is not white space as `parse_rr` skips it.
    private static func skipWhite(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, to end: Int) -> Int {
        var position = from
        while position < end, bytes[position] == 0x20 || bytes[position] == 0x09 || bytes[position] == 0x0D
                || bytes[position] == 0x0A { position += 1 }
        return position
    }
}

extension MessageCopy {
    /// True when both copies carry the same Route header fields byte for byte, in the same order
    /// (so `routeFields` are equal); false also when only their unfolded texts would be.
    func hasSameRouteFieldBytes(as other: MessageCopy) -> Bool {
        if self === other { return true }
        guard statusCode == nil, other.statusCode == nil else { return routeFields == other.routeFields }
        let mine = observed.message, theirs = other.observed.message
        return mine.bytes.withUnsafeBufferPointer { left in
            theirs.bytes.withUnsafeBufferPointer { right in
                var others = theirs.headers(named: .route)
                for header in mine.headers(named: .route) {
                    guard let match = others.next() else { return false }
                    guard header.isFolded == match.isFolded, header.rawValue.count == match.rawValue.count
                    else { return false }
                    guard let l = left.baseAddress, let r = right.baseAddress else { continue }  // both empty
                    guard memcmp(l + header.rawValue.lowerBound, r + match.rawValue.lowerBound,
                                 header.rawValue.count) == 0 else { return false }
                }
                return others.next() == nil
            }
        }
    }
}
