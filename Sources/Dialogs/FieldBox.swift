/// The fields of a value type in one immutable, shared box (`Dialog`, `DialogRequest`).
///
/// Those are copied several times on their way through the audit and the reports, and each copy
/// of the plain struct retained and released every String and array it held (two dozen for a
/// dialog). Boxed, a copy is one retain; a change (rare) copies the fields into a new box, so the
/// types keep value semantics and their public properties.
@usableFromInline final class FieldBox<Fields: Sendable>: Sendable {
    @usableFromInline let fields: Fields
    @usableFromInline init(_ fields: Fields) { self.fields = fields }
}

/// A type whose fields live in a `FieldBox`.
@usableFromInline protocol FieldBoxed {
    associatedtype Fields: Sendable
    var box: FieldBox<Fields> { get set }
}

extension FieldBoxed {
    /// Changes a field: the fields go into a new box, as other copies may share this one.
    @inlinable mutating func update(_ change: (inout Fields) -> Void) {
        var fields = box.fields
        change(&fields)
        box = FieldBox(fields)
    }
}
