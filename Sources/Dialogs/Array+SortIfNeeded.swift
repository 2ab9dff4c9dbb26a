extension Array {
    /// `sort(by:)`, skipped when the elements are in order already (no element belongs before
    /// the one preceding it). The standard sort is stable, so it would leave such an array as
    /// it is: skipping it changes nothing, and saves the sort (and, for a shared array, the
    /// copy) for the copies and responses of a call, which mostly come in order.
    mutating func sortIfNeeded(by areInIncreasingOrder: (Element, Element) -> Bool) {
        for index in indices.dropFirst() where areInIncreasingOrder(self[index], self[index - 1]) {
            sort(by: areInIncreasingOrder)
            return
        }
    }
}
