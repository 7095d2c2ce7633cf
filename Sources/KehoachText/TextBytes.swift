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

    /// The first offset at or after `offset` (at least 0) that starts a character, not one
    /// inside a UTF-8 sequence.
    @inlinable
    public static func characterStart(_ bytes: [UInt8], from offset: Int) -> Int {
        var i = max(0, offset)
        while i < bytes.count, bytes[i] & 0xC0 == 0x80 { i += 1 }
        return i
    }
}
