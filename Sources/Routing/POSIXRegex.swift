import Glibc

/// A compiled POSIX regular expression (Glibc `regcomp`), owned and freed by this object.
/// Immutable after init and only read by `regexec`, which glibc documents as thread-safe, hence
/// `@unchecked Sendable`.
public final class POSIXRegex: @unchecked Sendable {
    /// The pattern as given.
    public let pattern: String
    private var compiled = regex_t()

    /// Why a pattern did not compile: the `regerror` text.
    public struct CompileError: Error, Equatable, Sendable {
        /// The message from `regerror`.
        public let message: String
    }

    /// Compiles `pattern` with the given `regcomp` flags.
    public init(_ pattern: String, flags: Int32) throws(CompileError) {
        self.pattern = pattern
        let rc = pattern.withCString { regcomp(&compiled, $0, flags) }
        if rc != 0 {
            var buf = [CChar](repeating: 0, count: 256)
            regerror(rc, &compiled, &buf, buf.count)
            let message = String(decoding: buf.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }, as: UTF8.self)
            regfree(&compiled)
            compiled = regex_t()
            throw CompileError(message: message)
        }
    }

    deinit { regfree(&compiled) }

    /// Unanchored search (`regexec` with one match slot, no flags) in `text`.
    public func matches(_ text: String) -> Bool {
        var match = regmatch_t()
        return text.withCString { regexec(&compiled, $0, 1, &match, 0) } == 0
    }
}
