/// One search result: a target (or, with `--all`, an item without a target) and where it stands.
public struct SearchHit: Sendable, Equatable {
    public var plan: PlanSummary
    public var kind: IndexedItem.Kind
    /// Section labels, outermost first.
    public var section: [String]
    /// The target's line, else the item's.
    public var line: Int
    public var target: IndexedTarget?
    /// BM25 over the folded words (0 when the query has no words).
    public var score: Double
    public var snippet: Snippet
}

/// The result page: the best hits and how many matched in all.
public struct SearchResults: Sendable {
    public var hits: [SearchHit]
    public var total: Int
    /// The terms looked up (folded words and `=concept` terms).
    public var terms: [String]
}

/// A piece of an item's text around the matched words, with the byte ranges (UTF-8 offsets into
/// `text`) of the matches, for the caller to highlight as it sees fit.
public struct Snippet: Sendable, Equatable {
    public var text: String
    public var highlights: [Range<Int>]

    public init(text: String, highlights: [Range<Int>]) {
        self.text = text
        self.highlights = highlights
    }

    /// The matched pieces of text.
    public var matches: [String] {
        let bytes = Array(text.utf8)
        return highlights.map { String(decoding: bytes[$0], as: UTF8.self) }
    }

    /// Cuts a window of about `width` characters around the first highlight out of `text`,
    /// at word boundaries, marking cuts with "…".
    static func make(text: String, highlights: [Range<Int>], width: Int = 200) -> Snippet {
        let scalars = Array(text.unicodeScalars)
        guard scalars.count > width + 20 else { return Snippet(text: text, highlights: highlights) }
        // Byte offset of each scalar.
        var offsets: [Int] = []
        offsets.reserveCapacity(scalars.count + 1)
        var offset = 0
        for s in scalars {
            offsets.append(offset)
            offset += UTF8.width(s)
        }
        offsets.append(offset)
        let firstByte = highlights.first?.lowerBound ?? 0
        var firstScalar = 0
        while firstScalar < scalars.count && offsets[firstScalar] < firstByte { firstScalar += 1 }
        var start = max(0, min(firstScalar - width / 4, scalars.count - width))
        while start > 0 && scalars[start - 1] != " " { start -= 1 }
        var end = min(scalars.count, start + width)
        while end < scalars.count && scalars[end] != " " { end += 1 }
        let lower = offsets[start], upper = offsets[end]
        let prefix = start > 0 ? "…" : "", suffix = end < scalars.count ? "…" : ""
        let shift = prefix.utf8.count - lower
        let bytes = Array(text.utf8)
        let body = String(decoding: bytes[lower..<upper], as: UTF8.self)
        let kept = highlights.compactMap { r -> Range<Int>? in
            let a = max(r.lowerBound, lower), b = min(r.upperBound, upper)
            return a < b ? (a + shift)..<(b + shift) : nil
        }
        return Snippet(text: prefix + body + suffix, highlights: kept)
    }
}
