extension Substring {
    /// The text without the given characters at either end.
    public func trimming(_ characters: String) -> String {
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
        return String(scalars[start..<end])
    }

    /// The text without spaces and tabs at either end.
    public var trimmedSpaces: String { trimming(" \t") }
}

extension String {
    /// The text without the given characters at either end.
    public func trimming(_ characters: String) -> String { Substring(self).trimming(characters) }

    /// The text without spaces and tabs at either end.
    public var trimmedSpaces: String { Substring(self).trimming(" \t") }
}
