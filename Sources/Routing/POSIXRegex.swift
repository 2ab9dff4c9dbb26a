import Glibc

/// A compiled POSIX regular expression (Glibc `regcomp`), owned and freed (`regfree`) by this object.
/// The `regex_t` lives behind a pointer that is written only in `init` and afterwards only read by
/// `regexec`, which POSIX documents as safe to call concurrently; hence `@unchecked Sendable`.
public final class POSIXRegex: @unchecked Sendable {
    /// The pattern as given.
    public let pattern: String
    private let compiled: UnsafeMutablePointer<regex_t>

    /// Why a pattern did not compile: the `regerror` text.
    public struct CompileError: Error, Equatable, Sendable {
        /// The message from `regerror`.
        public let message: String
    }

    /// Compiles `pattern` with the given `regcomp` flags (e.g. ``RouteParams/kamailioFlags``).
    public init(_ pattern: String, flags: Int32) throws(CompileError) {
        self.pattern = pattern
        let re = UnsafeMutablePointer<regex_t>.allocate(capacity: 1)
        re.initialize(to: regex_t())
        let rc = pattern.withCString { regcomp(re, $0, flags) }
        guard rc == 0 else {
            var buf = [CChar](repeating: 0, count: 256)
            regerror(rc, re, &buf, buf.count)
            let message = String(decoding: buf.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) },
                                 as: UTF8.self)
            re.deinitialize(count: 1)
            re.deallocate()
            throw CompileError(message: message)
        }
        compiled = re
    }

    deinit {
        regfree(compiled)
        compiled.deinitialize(count: 1)
        compiled.deallocate()
    }

    /// Unanchored search (`regexec` with one match slot, no flags) in `text`.
    public func matches(_ text: String) -> Bool {
        var match = regmatch_t()
        return text.withCString { regexec(compiled, $0, 1, &match, 0) } == 0
    }
}
