#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Starts a POSIX thread that runs a closure and ends with it (nobody joins it).
///
/// The analysis pool, the live capture and its watcher each need a plain thread. Foundation's
/// `Thread` would do, but linking Foundation only for it costs every run of the tool several
/// milliseconds of start-up (loading and binding the library and ICU), which is measurable on
/// a capture analysed in a third of a second.
public enum DetachedThread {
    /// Runs `body` on a new thread. Stops the process if the system cannot create a thread, as
    /// `Thread.detachNewThread` does: without it the work could not go on.
    public static func start(_ body: @escaping @Sendable () -> Void) {
        let context = Unmanaged.passRetained(Body(body)).toOpaque()
        var thread = pthread_t()
        let result = pthread_create(&thread, nil, { context in
            guard let context else { return nil }
            let body = Unmanaged<Body>.fromOpaque(context).takeRetainedValue()
            body.run()
            return nil
        }, context)
        guard result == 0 else {
            Unmanaged<Body>.fromOpaque(context).release()
            fatalError("cannot start a thread (pthread_create: \(result))")
        }
        pthread_detach(thread)
    }

    /// The closure, boxed to cross `pthread_create`'s untyped context pointer.
    private final class Body {
        let run: @Sendable () -> Void
        init(_ run: @escaping @Sendable () -> Void) { self.run = run }
    }
}
