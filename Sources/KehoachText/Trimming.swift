extension Substring {
    /// The text without the given characters at either end.
    public func trimming(_ characters: String) -> String {
        String(self[trimmedBounds(characters)])
    }

    /// The text without spaces and tabs at either end.
    public var trimmedSpaces: String { trimming(" \t") }

    /// Where the text starts and ends once the given characters are taken off both ends.
    fileprivate func trimmedBounds(_ characters: String) -> Range<String.Index> {
        let set = characters.unicodeScalars
        let scalars = unicodeScalars
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, set.contains(scalars[start]) { start = scalars.index(after: start) }
        while end > start {
            let previous = scalars.index(before: end)
            guard set.contains(scalars[previous]) else { break }
            end = previous
        }
        return start..<end
    }
}

extension String {
    /// The text without the given characters at either end (the same string, uncopied, when
    /// there are none).
    public func trimming(_ characters: String) -> String {
        let bounds = Substring(self).trimmedBounds(characters)
        return bounds == startIndex..<endIndex ? self : String(self[bounds])
    }

    /// The text without spaces and tabs at either end.
    public var trimmedSpaces: String { trimming(" \t") }
}

extension String {
    /// The first `count` characters of NFC text, counted as scalars: a Vietnamese letter is one
    /// scalar there, and counting scalars needs no grapheme breaking.
    public func leadingCharacters(_ count: Int) -> String {
        let end = withBytes { bytes -> Int in
            var scalars = 0
            for i in 0..<bytes.count where bytes[i] & 0xC0 != 0x80 {
                if scalars == count { return i }
                scalars += 1
            }
            return bytes.count
        }
        return end == utf8.count ? self : String(self[..<utf8.index(utf8.startIndex, offsetBy: end)])
    }
}
