extension SIPStreamFramer {
    /// Bounds on what one direction may hold.
    public struct Limits: Sendable, Equatable {
        /// Largest header section (start line to empty line) accepted.
        public var maxHeaderBytes: Int
        /// Largest Content-Length accepted; a larger one is treated as bogus.
        public var maxBodyBytes: Int
        /// Largest WebSocket message (all fragments) accepted.
        public var maxWebSocketMessageBytes: Int
        /// Bytes looked at on a stream that never showed SIP before it is ignored as not SIP.
        public var maxUnconfirmedBytes: Int

        public init(maxHeaderBytes: Int = 65_536, maxBodyBytes: Int = 1 << 20,
                    maxWebSocketMessageBytes: Int = 1 << 20, maxUnconfirmedBytes: Int = 256 << 10) {
            self.maxHeaderBytes = maxHeaderBytes
            self.maxBodyBytes = maxBodyBytes
            self.maxWebSocketMessageBytes = maxWebSocketMessageBytes
            self.maxUnconfirmedBytes = maxUnconfirmedBytes
        }

        public static let `default` = Limits()
    }
}
