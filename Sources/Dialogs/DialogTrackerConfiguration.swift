import Transport

extension DialogTracker {
    /// How the tracker decides what is a proxy and when a dialog is over.
    public struct Configuration: Sendable {
        /// Addresses given with `--proxy`: elements to treat as proxies even when the capture
        /// does not show both sides of them.
        public var declaredProxies: [Endpoint]
        /// Seconds of capture time without a message after which an open dialog is reported as
        /// expired (`--dialog-timeout`).
        public var dialogTimeout: Double
        /// Seconds of capture time a finished dialog is kept for retransmissions and late
        /// responses before it is reported.
        public var linger: Double
        /// Seconds of capture time after reporting during which further messages of the Call-ID
        /// are counted as late instead of starting a new, partial dialog.
        public var tombstone: Double

        public init(declaredProxies: [Endpoint] = [], dialogTimeout: Double = 3600, linger: Double = 4,
                    tombstone: Double = 32) {
            self.declaredProxies = declaredProxies
            self.dialogTimeout = dialogTimeout
            self.linger = linger
            self.tombstone = tombstone
        }
    }
}
