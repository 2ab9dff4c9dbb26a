/// The Route header fields of one request with the deletions and the appended header Kamailio's
/// `loose_route` queues as lumps (`del_lump`, `insert_new_lump_before`); renders the fields the
/// forwarded request carries.
///
/// A request has one or two Route fields and `loose_route` touches one or two of them, so the
/// parses and edits are kept in short lists searched linearly (tables keyed by field index cost
/// a hash per access, and their generic set-up showed in profiles of every routed request).
struct RouteHeaderEdits {
    let fields: [String]
    private var parsed: [(field: Int, entries: [RouteEntry])] = []
    /// Deleted fields 0..<64 as bits (a request has one or two Route fields: no list to allocate
    /// for each routed request), any later ones listed.
    private var deletedLow: UInt64 = 0
    private var deletedFields: [Int] = []
    private var cuts: [(field: Int, range: Range<Int>)] = []
    var appended: [String] = []

    /// - Parameter parsed: per field, its entries when the caller has them (what `entries(_:)`
    ///   would parse), else nil; may be shorter than `fields`.
    init(fields: [String], parsed: [[RouteEntry]?] = []) {
        self.fields = fields
        for index in parsed.indices where index < fields.count {
            if let entries = parsed[index] { self.parsed.append((index, entries)) }
        }
    }

    /// Parses field `index` on demand (`parse_rr`), caching the result.
    mutating func entries(_ index: Int) throws(RouteParseError) -> [RouteEntry] {
        if let known = parsed.first(where: { $0.field == index }) { return known.entries }
        let e = try RouteEntry.parseField(fields[index], index: index)
        parsed.append((index, e))
        return e
    }

    /// Deletes a whole header field.
    mutating func deleteField(_ index: Int) {
        if index >= 0 && index < 64 {
            deletedLow |= 1 << UInt64(index)
        } else if !deletedFields.contains(index) {
            deletedFields.append(index)
        }
    }

    private func isDeleted(_ index: Int) -> Bool {
        index >= 0 && index < 64 ? deletedLow & (1 << UInt64(index)) != 0 : deletedFields.contains(index)
    }

    /// Deletes UTF-8 bytes `range` of field `index`.
    mutating func cut(_ index: Int, _ range: Range<Int>) {
        guard !range.isEmpty else { return }
        cuts.append((index, range))
    }

    /// The field bodies after the edits, then the appended ones.
    func rendered() -> [String] {
        var out: [String] = []
        for (i, f) in fields.enumerated() where !isDeleted(i) {
            guard cuts.contains(where: { $0.field == i }) else { out.append(f); continue }
            let bytes = Array(f.utf8)
            var keep = [Bool](repeating: true, count: bytes.count)
            for cut in cuts where cut.field == i {
                for k in cut.range where k >= 0 && k < bytes.count { keep[k] = false }
            }
            let kept = zip(bytes, keep).compactMap { $1 ? $0 : nil }
            out.append(String(decoding: kept, as: UTF8.self))
        }
        return out + appended
    }
}
