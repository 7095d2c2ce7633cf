/// Decoding and encoding one Unicode scalar in a UTF-8 buffer, for the byte-level folding.
/// Input comes from a Swift String, so it is valid UTF-8.
enum UTF8Scalar {
    @inline(__always)
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> (UInt32, Int) {
        let b0 = UInt32(bytes[i])
        if b0 < 0x80 { return (b0, 1) }
        if b0 < 0xE0, i + 1 < bytes.count { return ((b0 & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F), 2) }
        if b0 < 0xF0, i + 2 < bytes.count {
            return ((b0 & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F), 3)
        }
        if i + 3 < bytes.count {
            return ((b0 & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12 | UInt32(bytes[i + 2] & 0x3F) << 6 | UInt32(bytes[i + 3] & 0x3F), 4)
        }
        return (0xFFFD, 1)
    }

    @inline(__always)
    static func width(_ value: UInt32) -> Int {
        value < 0x80 ? 1 : value < 0x800 ? 2 : value < 0x10000 ? 3 : 4
    }

    /// Writes `value` in `width` bytes (the caller guarantees `width == width(value)`).
    @inline(__always)
    static func encode(_ value: UInt32, width: Int, into bytes: UnsafeMutableBufferPointer<UInt8>, at i: Int) {
        switch width {
        case 1:
            bytes[i] = UInt8(value)
        case 2:
            bytes[i] = UInt8(0xC0 | value >> 6)
            bytes[i + 1] = UInt8(0x80 | value & 0x3F)
        case 3:
            bytes[i] = UInt8(0xE0 | value >> 12)
            bytes[i + 1] = UInt8(0x80 | value >> 6 & 0x3F)
            bytes[i + 2] = UInt8(0x80 | value & 0x3F)
        default:
            bytes[i] = UInt8(0xF0 | value >> 18)
            bytes[i + 1] = UInt8(0x80 | value >> 12 & 0x3F)
            bytes[i + 2] = UInt8(0x80 | value >> 6 & 0x3F)
            bytes[i + 3] = UInt8(0x80 | value & 0x3F)
        }
    }
}
