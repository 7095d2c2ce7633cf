import Dispatch

/// Work spread over every core: the import's parsing, a merge's analysis, an alignment's
/// children. Each stage stays a pure function; this only runs many of them at once.
public enum ParallelMap {
    /// `body(0..<count)` on all cores, results in order.
    public static func map<T>(_ count: Int, _ body: (Int) -> T) -> [T] {
        guard count > 1 else { return (0..<count).map(body) }
        let results = UnsafeMutableBufferPointer<T?>.allocate(capacity: count)
        results.initialize(repeating: nil)
        defer {
            results.deinitialize()
            results.deallocate()
        }
        // each slot is written by one iteration only, and read after all have ended
        let slots = UncheckedSendable(results)
        withoutActuallyEscaping(body) { body in
            let work = UncheckedSendable(body)
            DispatchQueue.concurrentPerform(iterations: count) { i in
                slots.value[i] = work.value(i)
            }
        }
        return results.map { $0! }
    }
}

private struct UncheckedSendable<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
