/// The fields of an `ObservedMessage`, in one immutable, shared box (as `FieldBox`). Not final:
/// the box of a message that dialogs can use is its `MessageFacts`.
@usableFromInline class MessageBox: @unchecked Sendable {
    // @unchecked: only because the class is not final; its one stored property is a `let` of a
    // Sendable type, and the subclass's are too.
    @usableFromInline let fields: ObservedMessage.Fields

    @usableFromInline init(_ fields: __owned ObservedMessage.Fields) {
        self.fields = fields
    }

    /// The message this box holds.
    final var observed: ObservedMessage { ObservedMessage(box: self) }
}
