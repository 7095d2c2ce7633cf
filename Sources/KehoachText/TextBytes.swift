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

    /// Whether any byte is an ASCII digit. Written without an early exit inside each block of
    /// 64 bytes so that the compiler can vectorise it: it runs over every paragraph.
    public static func containsDigit(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i < bytes.count {
            let end = min(bytes.count, i + 64)
            var found: UInt8 = 0
            for j in i..<end { found |= bytes[j] &- 0x30 < 10 ? 1 : 0 }
            if found != 0 { return true }
            i = end
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
