/// A canonical Huffman code of DEFLATE, built from its code lengths: a table indexed by the
/// next `fastBits` bits decodes most symbols in one step; longer codes are walked bit by bit.
struct HuffmanCode {
    static let fastBits = 10
    static let maxBits = 15

    /// Per `fastBits` bits: symbol << 4 | code length, or 0 when the code is longer.
    private var fast: [UInt32]
    /// Codes per length, and the symbols in canonical order (for the long codes).
    private var counts: [Int]
    private var symbols: [Int]

    /// Nil when the lengths over-subscribe the code (no prefix code has them). An incomplete
    /// code is allowed, as zlib allows it: its unused codes fail when met.
    init?(lengths: ArraySlice<UInt8>) {
        counts = [Int](repeating: 0, count: Self.maxBits + 1)
        for length in lengths { counts[Int(length)] += 1 }
        counts[0] = 0
        var left = 1
        for length in 1...Self.maxBits {
            left = (left << 1) - counts[length]
            if left < 0 { return nil }
        }
        var offsets = [Int](repeating: 0, count: Self.maxBits + 2)
        for length in 1...Self.maxBits { offsets[length + 1] = offsets[length] + counts[length] }
        symbols = [Int](repeating: 0, count: offsets[Self.maxBits + 1])
        fast = [UInt32](repeating: 0, count: 1 << Self.fastBits)
        var next = offsets
        // canonical codes: per length, consecutive in symbol order
        var firstCode = [Int](repeating: 0, count: Self.maxBits + 1)
        var code = 0
        for length in 1...Self.maxBits {
            firstCode[length] = code
            code = (code + counts[length]) << 1
        }
        for (symbol, length) in lengths.enumerated() where length > 0 {
            let length = Int(length)
            symbols[next[length]] = symbol
            next[length] += 1
            guard length <= Self.fastBits else { continue }
            let assigned = firstCode[length]
            firstCode[length] += 1
            // the stream holds codes most significant bit first: index the table by the reverse
            var reversed = 0
            for bit in 0..<length where assigned & (1 << bit) != 0 { reversed |= 1 << (length - 1 - bit) }
            let entry = UInt32(symbol) << 4 | UInt32(length)
            var fill = reversed
            while fill < 1 << Self.fastBits {
                fast[fill] = entry
                fill += 1 << length
            }
        }
    }

    /// The next symbol of the stream.
    @inline(__always)
    func decode(_ reader: inout BitReader) throws(InflateError) -> Int {
        if reader.count < Self.maxBits { try reader.refill() }
        let entry = fast[Int(reader.bits & ((1 << UInt64(Self.fastBits)) - 1))]
        if entry != 0 {
            reader.consume(Int(entry & 15))
            return Int(entry >> 4)
        }
        return try decodeLong(&reader)
    }

    /// Walks the code one bit at a time (codes longer than `fastBits`, or unused codes).
    private func decodeLong(_ reader: inout BitReader) throws(InflateError) -> Int {
        var code = 0, first = 0, index = 0
        let bits = reader.bits
        for length in 1...Self.maxBits {
            code |= Int((bits >> UInt64(length - 1)) & 1)
            let count = counts[length]
            if code - first < count {
                reader.consume(length)
                return symbols[index + code - first]
            }
            index += count
            first = (first + count) << 1
            code <<= 1
        }
        throw .invalid("a code that the block's table does not have")
    }
}
