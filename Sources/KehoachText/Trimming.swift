extension StringProtocol {
    /// The text without the given characters at either end.
    public func trimming(_ characters: String) -> String {
        let set = Set(characters)
        let start = firstIndex { !set.contains($0) } ?? endIndex
        let end = lastIndex { !set.contains($0) }.map(index(after:)) ?? start
        return start < end ? String(self[start..<end]) : ""
    }

    /// The text without spaces and tabs at either end.
    public var trimmedSpaces: String { trimming(" \t") }
}
