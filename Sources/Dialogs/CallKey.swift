/// A Call-ID with its `KeyHash`, computed once per message when its facts are read (on the
/// reading thread with `--threads 2`): the tracker's tables then hash one integer per look-up
/// instead of the Call-ID's bytes.
struct CallKey: Hashable, Sendable {
    let callID: String
    let hash: Int

    init(_ callID: String) {
        self.callID = callID
        hash = KeyHash.string(callID)
    }

    static func == (left: CallKey, right: CallKey) -> Bool {
        left.hash == right.hash && left.callID == right.callID
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(hash)
    }
}
