import Foundation

/// Byte-level tests on UTF-8 text. Any non-ASCII byte counts as part of a word, which is right
/// for Vietnamese letters and harmless for the rare non-letter symbol.
public enum TextBytes {
    @inlinable
    public static func isWordByte(_ b: UInt8) -> Bool {
        b >= 0x80 || (b >= 0x30 && b <= 0x39) || (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A)
    }

    @inlinable
    public static func isBoundary(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        i >= bytes.count || i == 0 || !(isWordByte(bytes[i]) && isWordByte(bytes[i - 1]))
    }

    @inlinable
    public static func isWordStart(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        i == 0 || !isWordByte(bytes[i - 1]) || !isWordByte(bytes[i])
    }

    /// The offset of the first `byte` at or after `offset`, found with memchr, or nil.
    public static func firstOffset(of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from offset: Int = 0) -> Int? {
        guard let base = bytes.baseAddress, offset < bytes.count,
              let found = memchr(base + offset, Int32(byte), bytes.count - offset) else { return nil }
        return UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
    }

    /// Whether any byte is an ASCII digit: eight bytes at a time (it runs over every paragraph).
    public static func containsDigit(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        var i = 0
        while i + 8 <= bytes.count {
            let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
            // per byte, below 0x80: the high bit of x + 0x50 says x >= 0x30, of x + 0x46 says x >= 0x3A
            let low = word & ~highs
            let atLeast30 = (low &+ ones &* 0x50) & highs
            let atLeast3A = (low &+ ones &* 0x46) & highs
            if atLeast30 & ~atLeast3A & ~word != 0 { return true }
            i += 8
        }
        while i < bytes.count {
            if bytes[i] &- 0x30 < 10 { return true }
            i += 1
        }
        return false
    }

    /// The first offset at or after `offset` (at least 0) that starts a character, not one
    /// inside a UTF-8 sequence.
    @inlinable
    public static func characterStart(_ bytes: [UInt8], from offset: Int) -> Int {
        var i = max(0, offset)
        while i < bytes.count, bytes[i] & 0xC0 == 0x80 { i += 1 }
        return i
    }
}
