import KehoachText

/// A cursor over the UTF-8 bytes of a match key (lowercase, tone placement folded). Keys have
/// the text's length, so a position found here is a position in the text.
public struct ByteScanner {
    public let bytes: [UInt8]
    public var position: Int

    public init(key: String, at position: Int = 0) {
        bytes = Array(key.utf8)
        self.position = position
    }

    public init(bytes: [UInt8], at position: Int = 0) {
        self.bytes = bytes
        self.position = position
    }

    @inlinable public var isAtEnd: Bool { position >= bytes.count }

    @inlinable public var current: UInt8? { position < bytes.count ? bytes[position] : nil }

    @inlinable public mutating func skipSpaces() {
        while position < bytes.count, bytes[position] == 0x20 || bytes[position] == 0x09 { position += 1 }
    }

    /// Consumes `word` if the bytes continue with it (and, if `wholeWord`, a word boundary follows).
    @inlinable public mutating func scan(_ word: String, wholeWord: Bool = true) -> Bool {
        var end = position
        for byte in word.utf8 {
            guard end < bytes.count, bytes[end] == byte else { return false }
            end += 1
        }
        if wholeWord, end < bytes.count, TextBytes.isWordByte(bytes[end]), end > position, TextBytes.isWordByte(bytes[end - 1]) {
            return false
        }
        position = end
        return true
    }

    /// Consumes a run of ASCII digits (at most `maxDigits`) and returns its value.
    @inlinable public mutating func scanNumber(maxDigits: Int = 9) -> Int? {
        var value = 0
        var count = 0
        while position < bytes.count, bytes[position] >= 0x30, bytes[position] <= 0x39 {
            count += 1
            if count > maxDigits { position -= count - 1; return nil }
            value = value * 10 + Int(bytes[position] - 0x30)
            position += 1
        }
        return count > 0 ? value : nil
    }

    @inlinable public mutating func scan(byte: UInt8) -> Bool {
        guard current == byte else { return false }
        position += 1
        return true
    }
}
