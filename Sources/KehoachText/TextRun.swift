/// Text that may span several physical lines (a paragraph rejoined after a page break), with
/// the source location of each piece so that anything found in it can point at its own line.
public struct TextRun: Sendable, Hashable {
    public private(set) var text: String
    /// The match key of `text`, kept beside it (the keys of the lines, joined like them).
    public private(set) var key: String
    /// Where each piece starts: its UTF-8 offset in `text` and its place in the plan.
    public private(set) var pieces: [Piece]

    public struct Piece: Sendable, Hashable {
        public let offset: Int
        public let location: SourceLocation
    }

    public init(_ text: String, key: String? = nil, at location: SourceLocation) {
        self.text = text
        self.key = key ?? Folding.matchKey(text)
        pieces = [Piece(offset: 0, location: location)]
    }

    /// Continues the run with the text of another line, joined by a space.
    public mutating func append(_ more: String, key moreKey: String? = nil, at location: SourceLocation) {
        guard !more.isEmpty else { return }
        if !text.isEmpty { text += " "; key += " " }
        pieces.append(Piece(offset: text.utf8.count, location: location))
        text += more
        key += moreKey ?? Folding.matchKey(more)
    }

    /// Continues the run with another run, joined by `separator`, keeping that run's locations.
    public mutating func append(_ other: TextRun, separator: String = " ") {
        guard !other.text.isEmpty else { return }
        if !text.isEmpty { text += separator; key += Folding.matchKey(separator) }
        let base = text.utf8.count
        pieces += other.pieces.map { Piece(offset: base + $0.offset, location: $0.location) }
        text += other.text
        key += other.key
    }

    public var location: SourceLocation { pieces[0].location }

    /// The location of the byte at `offset` in `text`.
    public func location(atUTF8 offset: Int) -> SourceLocation {
        var found = pieces[0]
        for piece in pieces {
            if piece.offset > offset { break }
            found = piece
        }
        return SourceLocation(line: found.location.line, column: found.location.column + max(0, offset - found.offset))
    }

    public func line(atUTF8 offset: Int) -> Int { location(atUTF8: offset).line }
}
