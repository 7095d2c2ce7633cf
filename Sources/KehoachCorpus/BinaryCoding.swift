/// Little-endian byte encoding for the index files: fixed-width integers, doubles, LEB128
/// varints and raw bytes. The writer grows an array; the reader reads a borrowed buffer (usually
/// a memory-mapped file) without copying it.
struct ByteWriter {
    private(set) var bytes: [UInt8] = []

    var count: Int { bytes.count }

    mutating func reserve(_ n: Int) { bytes.reserveCapacity(n) }

    mutating func u8(_ v: UInt8) { bytes.append(v) }

    mutating func u16(_ v: UInt16) {
        bytes.append(UInt8(truncatingIfNeeded: v))
        bytes.append(UInt8(truncatingIfNeeded: v >> 8))
    }

    mutating func u32(_ v: UInt32) {
        for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8(truncatingIfNeeded: v >> UInt32(shift))) }
    }

    mutating func u64(_ v: UInt64) {
        for shift in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8(truncatingIfNeeded: v >> UInt64(shift))) }
    }

    mutating func f64(_ v: Double) { u64(v.bitPattern) }

    mutating func varint(_ v: UInt32) {
        var v = v
        while v >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }

    mutating func append<C: Collection>(_ data: C) where C.Element == UInt8 { bytes.append(contentsOf: data) }

    /// Overwrites a u64 written earlier (for offsets known only at the end).
    mutating func patchU64(at offset: Int, _ v: UInt64) {
        for i in 0..<8 { bytes[offset + i] = UInt8(truncatingIfNeeded: v >> UInt64(i * 8)) }
    }

    mutating func pad(to alignment: Int) {
        while bytes.count % alignment != 0 { bytes.append(0) }
    }
}

/// Reads little-endian values at absolute offsets of a buffer. Callers check ranges first
/// (`contains`); the buffer outlives the reader.
struct ByteReader: @unchecked Sendable {
    let base: UnsafeRawBufferPointer

    var count: Int { base.count }

    func contains(_ offset: Int, _ length: Int) -> Bool {
        offset >= 0 && length >= 0 && offset <= base.count && length <= base.count - offset
    }

    @inline(__always) func u8(_ offset: Int) -> UInt8 { base[offset] }

    @inline(__always) func u16(_ offset: Int) -> UInt16 {
        UInt16(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt16.self))
    }

    @inline(__always) func u32(_ offset: Int) -> UInt32 {
        UInt32(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
    }

    @inline(__always) func u64(_ offset: Int) -> UInt64 {
        UInt64(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }

    @inline(__always) func f64(_ offset: Int) -> Double { Double(bitPattern: u64(offset)) }

    /// A LEB128 varint at `offset`, advancing it; stops at `limit`.
    @inline(__always) func varint(_ offset: inout Int, limit: Int) -> UInt32 {
        var result: UInt32 = 0
        var shift: UInt32 = 0
        while offset < limit {
            let byte = base[offset]
            offset += 1
            result |= UInt32(byte & 0x7F) << shift
            if byte < 0x80 { break }
            shift += 7
            if shift > 28 { break }
        }
        return result
    }

    func string(_ offset: Int, _ length: Int) -> String {
        String(decoding: UnsafeRawBufferPointer(rebasing: base[offset..<(offset + length)]), as: UTF8.self)
    }

    /// Compares the bytes at `offset..<offset+length` with `key`, as memcmp orders them.
    func compare(_ offset: Int, _ length: Int, with key: UnsafeRawBufferPointer) -> Int {
        let n = min(length, key.count)
        for i in 0..<n {
            let a = base[offset + i], b = key[i]
            if a != b { return a < b ? -1 : 1 }
        }
        return length == key.count ? 0 : (length < key.count ? -1 : 1)
    }
}
