/// The bits of a DEFLATE stream, least significant first, from a byte buffer. Reads eight bytes
/// at a time while it can; past the end it feeds zero bytes and counts them, so that a stream
/// that reads more than a few of those is known to be truncated.
struct BitReader {
    private let bytes: UnsafeRawBufferPointer
    /// Next byte to load into `bits`.
    private var position = 0
    private(set) var bits: UInt64 = 0
    private(set) var count = 0
    /// Zero bytes fed after the end.
    private var padding = 0

    init(_ bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
    }

    /// Tops `bits` up to at least 56 bits.
    @inline(__always)
    mutating func refill() throws(InflateError) {
        if position + 8 <= bytes.count {
            let word = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: position, as: UInt64.self))
            bits |= word << UInt64(count)
            let taken = (63 - count) >> 3
            position += taken
            count += taken << 3
            return
        }
        while count <= 56 {
            if position < bytes.count {
                bits |= UInt64(bytes[position]) << UInt64(count)
            } else {
                // the buffer holds at most eight padding bytes when the stream is whole
                padding += 1
                if padding > 8 { throw .truncated }
            }
            position += 1
            count += 8
        }
    }

    @inline(__always)
    mutating func consume(_ n: Int) {
        bits >>= UInt64(n)
        count -= n
    }

    /// `n` bits (at most 32) as a number, after a refill.
    @inline(__always)
    mutating func take(_ n: Int) throws(InflateError) -> Int {
        if count < n { try refill() }
        let value = Int(bits & ((1 << UInt64(n)) - 1))
        consume(n)
        return value
    }

    /// True when the bits read so far include padding, that is the stream was cut short.
    var overran: Bool { padding * 8 > count }

    /// Drops the bits up to the next byte boundary and hands back the byte offset there,
    /// emptying the buffer (stored blocks are read as bytes).
    mutating func alignToByte() -> Int {
        consume(count & 7)
        let offset = position - count / 8
        bits = 0
        count = 0
        position = offset
        padding = 0
        return offset
    }

    /// Continues reading bits at a byte offset (after a stored block).
    mutating func resume(at offset: Int) {
        position = offset
        bits = 0
        count = 0
    }
}
