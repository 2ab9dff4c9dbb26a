import Glibc

/// Kamailio's `check_route_param` and `get_route_param` on a Route parameter string (rr-spec §5).
public enum RouteParams {
    /// The `regcomp` flags Kamailio uses for check_route_param (mod_fix.c `fixup_regexp_null`):
    /// REG_EXTENDED | REG_ICASE | REG_NEWLINE, no REG_NOSUB.
    public static let kamailioFlags: Int32 = Int32(REG_EXTENDED) | Int32(REG_ICASE) | Int32(REG_NEWLINE)

    /// `check_route_param(regex)`: whether the POSIX extended regular expression matches anywhere in
    /// `params` (case-insensitive; unanchored, so `nat=yes` also matches `;xnat=yesno`). `params` is
    /// the exact string Kamailio matches, i.e. ``LooseRouteOutcome/routeParams`` (`nil` → no match,
    /// as Kamailio returns -1 when there are no parameters). The process locale is used (Swift
    /// programs run in the C locale unless they call `setlocale`), as Kamailio does.
    public static func checkRouteParam(_ regex: String, in params: String?) throws(POSIXRegex.CompileError) -> Bool {
        let re = try POSIXRegex(regex, flags: kamailioFlags)
        return checkRouteParam(re, in: params)
    }

    /// `check_route_param` with a pre-compiled expression (compile with ``kamailioFlags``).
    public static func checkRouteParam(_ regex: POSIXRegex, in params: String?) -> Bool {
        guard let params, !params.isEmpty else { return false }
        return regex.matches(params)
    }

    /// `get_route_param(name)` on `params` (the URI parameters without a leading `;`, i.e.
    /// ``LooseRouteOutcome/routedParams``), with its quirks: the name is compared case-sensitively
    /// and must be followed by `=`, `;`, white space or the end; the value ends at `;`, space or tab,
    /// or is a quoted string (quotes removed); a bare name gives `""`; `name=` with nothing after it
    /// is not found; and the loop needs more than name-length + 2 characters left, so e.g. a whole
    /// parameter string `ftag=a` is not found. Returns the value (`""` for none), `nil` if not found.
    public static func getRouteParam(_ name: String, in params: String) -> String? {
        // Read in place: is_direction asks this of every routed request.
        var name = name, params = params
        return name.withUTF8 { n in params.withUTF8 { s in getRouteParam(n, in: s) } }
    }

    private static func getRouteParam(_ n: UnsafeBufferPointer<UInt8>, in s: UnsafeBufferPointer<UInt8>) -> String? {
        let end = s.count
        var p = 0
        let space = UInt8(ascii: " "), tab = UInt8(ascii: "\t"), semi = UInt8(ascii: ";")
        let dq = UInt8(ascii: "\""), sq = UInt8(ascii: "'"), bs = UInt8(ascii: "\\")
        var guardCount = 0
        while end - p > n.count + 2 {
            guardCount += 1
            if guardCount > s.count + 2 { return nil }
            if p != 0 {
                // go to the first unquoted ';'
                var quoted = false
                while p < end, !(s[p] == semi && !quoted) {
                    if (s[p] == dq || s[p] == sq) && p > 0 && s[p - 1] != bs { quoted.toggle() }
                    p += 1
                }
                if p == end { return nil }
                p += 1
            }
            while p < end, s[p] == space || s[p] == tab { p += 1 }
            if end - p < n.count + 2 { return nil }
            if !(0..<n.count).allSatisfy({ s[p + $0] == n[$0] }) {
                p += 1
                continue
            }
            p += n.count
            while p < end, s[p] == space || s[p] == tab { p += 1 }
            if p == end || s[p] == semi { return "" }
            let c = s[p]
            p += 1
            if c != UInt8(ascii: "=") { continue }
            while p < end, s[p] == space || s[p] == tab { p += 1 }
            if p == end { return nil }
            let start: Int
            if s[p] == sq || s[p] == dq {
                p += 1
                start = p
                while p < end, !((s[p] == dq || s[p] == sq) && s[p - 1] != bs) { p += 1 }
            } else {
                start = p
                while p < end, s[p] != semi, s[p] != space, s[p] != tab { p += 1 }
            }
            return String(decoding: UnsafeBufferPointer(rebasing: s[start..<p]), as: UTF8.self)
        }
        return nil
    }
}
