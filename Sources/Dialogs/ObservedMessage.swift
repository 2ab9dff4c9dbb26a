import Capture
import SIP
import Transport

/// One SIP message as the capture saw it: the parsed message plus where and when it crossed the wire.
///
/// The same logical request appears as several `ObservedMessage`s when the capture sees it on
/// both sides of a proxy (one per copy) or when it is retransmitted.
public struct ObservedMessage: Sendable {
    // In one immutable box (`MessageBox`): every message is copied into its dialog's requests
    // and hops, and again by the audit. A message that dialogs can use gets its facts read at
    // once, into the same box (`MessageFacts`, a `MessageBox`): one object per message, not two.
    @usableFromInline struct Fields: Sendable {
        @usableFromInline var message: SIPMessage
        @usableFromInline var flow: Flow
        @usableFromInline var time: CaptureTime
        @usableFromInline var frames: [Int]
        @usableFromInline var fileIndex: Int
    }

    @usableFromInline var box: MessageBox

    /// The parsed message.
    @inlinable public var message: SIPMessage { get { box.fields.message } set { update { $0.message = newValue } } }
    /// Sender, receiver and transport.
    @inlinable public var flow: Flow { get { box.fields.flow } set { update { $0.flow = newValue } } }
    /// Capture time of the frame that completed the message.
    @inlinable public var time: CaptureTime { get { box.fields.time } set { update { $0.time = newValue } } }
    /// Every frame that carried part of the message (from 1, per file).
    @inlinable public var frames: [Int] { get { box.fields.frames } set { update { $0.frames = newValue } } }
    /// Which input file the frames belong to.
    @inlinable public var fileIndex: Int { get { box.fields.fileIndex } set { update { $0.fileIndex = newValue } } }

    public init(message: SIPMessage, flow: Flow, time: CaptureTime, frames: [Int], fileIndex: Int = 0) {
        self.init(fields: Fields(message: message, flow: flow, time: time, frames: frames, fileIndex: fileIndex))
    }

    /// The message in a box of its own, with its facts when dialogs can use it.
    @usableFromInline init(fields: __owned Fields) {
        // The facts first, so that the fields move into whichever box the message gets.
        if let values = MessageFacts.Values(fields.message) {
            box = MessageFacts(values, fields)
        } else {
            box = MessageBox(fields)
        }
    }

    /// The message whose box this is.
    init(box: MessageBox) {
        self.box = box
    }

    /// Changes a field: the fields go into a new box (facts read again), as other copies may
    /// share this one.
    @inlinable mutating func update(_ change: (inout Fields) -> Void) {
        var fields = box.fields
        change(&fields)
        self = ObservedMessage(fields: fields)
    }

    /// The frame that completed the message: the one reports cite (Wireshark shows it there).
    @inlinable public var frame: Int { box.fields.frames.last ?? 0 }

    /// Sender, with the transport it used.
    @inlinable public var source: TransportAddress { TransportAddress(flow.source, flow.transport) }
    /// Receiver, with the transport it used.
    @inlinable public var destination: TransportAddress { TransportAddress(flow.destination, flow.transport) }
}
