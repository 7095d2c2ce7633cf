/// The bytes an inflate has produced: a buffer it grows by doubling, never past `limit`, with
/// the back-references of DEFLATE copied inside it. A class, so that the memory it owns is freed
/// however the inflate ends.
final class OutputBuffer {
    private var storage: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private(set) var count = 0
    let limit: Int

    init(capacity: Int, limit: Int) {
        self.capacity = max(capacity, 1)
        self.limit = limit
        storage = .allocate(capacity: self.capacity)
    }

    deinit { storage.deallocate() }

    func bytes() -> [UInt8] {
        Array(UnsafeBufferPointer(start: storage, count: count))
    }

    @inline(__always)
    private func reserve(_ extra: Int) throws(InflateError) {
        guard count + extra > capacity else { return }
        guard count + extra <= limit else { throw .outputLimit(limit) }
        let grown = min(max(capacity * 2, count + extra), limit)
        let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
        larger.update(from: storage, count: count)
        storage.deallocate()
        storage = larger
        capacity = grown
    }

    @inline(__always)
    func append(_ byte: UInt8) throws(InflateError) {
        if count == capacity { try reserve(1) }
        storage[count] = byte
        count += 1
    }

    func append(_ bytes: UnsafeRawBufferPointer) throws(InflateError) {
        try reserve(bytes.count)
        if let base = bytes.baseAddress { (storage + count).update(from: base.assumingMemoryBound(to: UInt8.self), count: bytes.count) }
        count += bytes.count
    }

    /// `length` bytes from `distance` back; they may overlap what is being written.
    @inline(__always)
    func copy(distance: Int, length: Int) throws(InflateError) {
        guard distance <= count else { throw .invalid("a distance before the start of the data") }
        try reserve(length)
        var from = storage + (count - distance)
        var to = storage + count
        let end = to + length
        while to < end {
            to.pointee = from.pointee
            to += 1
            from += 1
        }
        count += length
    }
}
