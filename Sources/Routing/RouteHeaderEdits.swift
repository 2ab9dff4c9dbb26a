/// The Route header fields of one request with the deletions and the appended header Kamailio's
/// `loose_route` queues as lumps (`del_lump`, `insert_new_lump_before`); renders the fields the
/// forwarded request carries.
struct RouteHeaderEdits {
    let fields: [String]
    private var parsed: [Int: [RouteEntry]] = [:]
    private var deletedFields: Set<Int> = []
    private var cuts: [Int: [Range<Int>]] = [:]
    var appended: [String] = []

    init(fields: [String]) { self.fields = fields }

    /// Parses field `index` on demand (`parse_rr`), caching the result.
    mutating func entries(_ index: Int) throws(RouteParseError) -> [RouteEntry] {
        if let e = parsed[index] { return e }
        let e = try RouteEntry.parseField(fields[index], index: index)
        parsed[index] = e
        return e
    }

    /// Deletes a whole header field.
    mutating func deleteField(_ index: Int) { deletedFields.insert(index) }

    /// Deletes UTF-8 bytes `range` of field `index`.
    mutating func cut(_ index: Int, _ range: Range<Int>) {
        guard !range.isEmpty else { return }
        cuts[index, default: []].append(range)
    }

    /// The field bodies after the edits, then the appended ones.
    func rendered() -> [String] {
        var out: [String] = []
        for (i, f) in fields.enumerated() where !deletedFields.contains(i) {
            guard let ranges = cuts[i] else { out.append(f); continue }
            let bytes = Array(f.utf8)
            var keep = [Bool](repeating: true, count: bytes.count)
            for r in ranges {
                for k in r where k >= 0 && k < bytes.count { keep[k] = false }
            }
            let kept = zip(bytes, keep).compactMap { $1 ? $0 : nil }
            out.append(String(decoding: kept, as: UTF8.self))
        }
        return out + appended
    }
}
