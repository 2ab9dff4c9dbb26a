extension TCPReassembler {
    /// Bounds on what reassembly holds; hitting one is counted (`buffer_limit`), never fatal.
    public struct Limits: Sendable, Equatable {
        /// Out-of-order bytes held per direction while waiting for a hole to fill.
        public var maxBufferedBytesPerDirection: Int
        /// Out-of-order segments held per direction.
        public var maxOutOfOrderSegments: Int
        /// Connections tracked at once; the least recently active are closed first.
        public var maxStreams: Int
        /// Seconds of capture time without a segment after which a connection is flushed and forgotten.
        public var idleTimeout: Double
        /// Seconds of capture time a hole may stay open before its bytes count as never captured.
        public var holeTimeout: Double
        /// Limits of the SIP framing on each direction.
        public var framing: SIPStreamFramer.Limits

        public init(maxBufferedBytesPerDirection: Int = 1 << 20, maxOutOfOrderSegments: Int = 512,
                    maxStreams: Int = 65_536, idleTimeout: Double = 300, holeTimeout: Double = 10,
                    framing: SIPStreamFramer.Limits = .default) {
            self.maxBufferedBytesPerDirection = maxBufferedBytesPerDirection
            self.maxOutOfOrderSegments = maxOutOfOrderSegments
            self.maxStreams = maxStreams
            self.idleTimeout = idleTimeout
            self.holeTimeout = holeTimeout
            self.framing = framing
        }

        public static let `default` = Limits()

        /// How often (capture time) idle connections and old holes are looked for.
        var sweepInterval: Double { max(1, min(idleTimeout, holeTimeout) / 2) }
    }
}
