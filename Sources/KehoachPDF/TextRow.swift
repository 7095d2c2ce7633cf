import KehoachText

/// The glyphs of a page that share a baseline, cut into segments where the gap between two
/// glyphs is wider than a word space can be: the columns of a letterhead, the cells of a table.
struct TextRow: Sendable {
    struct Segment: Sendable {
        var text: String
        var x: Double
        var endX: Double
        /// From `x` to the end of the first word: would it have fitted on the line above?
        var firstWordWidth: Double
        /// The PDF drew a space after the last word: Word and LibreOffice do where they wrap a
        /// line at a space, not where they break inside a word ("KH-" / "UBND").
        var endsWithSpace: Bool

        var width: Double { endX - x }
    }

    var page: Int
    var y: Double
    var size: Double
    var segments: [Segment]

    var x: Double { segments.first?.x ?? 0 }
    var endX: Double { segments.last?.endX ?? 0 }

    /// A gap wider than this many font sizes separates segments; narrower than `spaceGap`
    /// glyphs touch, wider is a space the PDF did not draw.
    static let segmentGap = 0.75
    static let spaceGap = 0.15

    /// The rows of one page, top to bottom.
    static func rows(_ glyphs: [PlacedGlyph], page: Int) -> [TextRow] {
        let visible = glyphs.filter { !$0.text.isEmpty && $0.size > 0.5 }
        guard !visible.isEmpty else { return [] }
        var lines: [[PlacedGlyph]] = []
        for glyph in visible.sorted(by: { $0.y > $1.y }) {
            if let last = lines.last?.first, abs(last.y - glyph.y) <= 0.35 * max(last.size, glyph.size) {
                lines[lines.count - 1].append(glyph)
            } else {
                lines.append([glyph])
            }
        }
        return lines.compactMap { line in
            let sorted = line.sorted { $0.x < $1.x }
            let size = sorted.map(\.size).max() ?? 12
            let row = TextRow(page: page, y: sorted[0].y, size: size, segments: segments(sorted, size: size))
            return row.segments.isEmpty ? nil : row
        }
    }

    private static func segments(_ glyphs: [PlacedGlyph], size: Double) -> [Segment] {
        var segments: [Segment] = []
        var text = ""
        var start = glyphs[0].x, end = glyphs[0].x
        var firstWordEnd: Double? = nil
        var previous: PlacedGlyph? = nil
        func flush() {
            let trimmed = text.trimming(" ")
            if !trimmed.isEmpty {
                segments.append(Segment(text: trimmed, x: start, endX: end, firstWordWidth: (firstWordEnd ?? end) - start,
                                        endsWithSpace: text.hasSuffix(" ")))
            }
            text = ""
            firstWordEnd = nil
        }
        for glyph in glyphs {
            // by its text: a font's code 32 may draw a letter
            let isSpace = glyph.text.allSatisfy { $0 == " " || $0 == "\u{A0}" }
            if let previous {
                // a glyph drawn twice over itself (fake bold) counts once
                if abs(glyph.x - previous.x) < 0.01 * size, glyph.text == previous.text { continue }
                let gap = glyph.x - end
                if gap > segmentGap * size {
                    flush()
                    start = glyph.x
                } else if gap > spaceGap * size, !isSpace, !text.hasSuffix(" ") {
                    if firstWordEnd == nil, !text.isEmpty { firstWordEnd = end }
                    text += " "
                }
            } else {
                start = glyph.x
            }
            if isSpace {
                if firstWordEnd == nil, !text.isEmpty, !text.hasSuffix(" ") { firstWordEnd = end }
                if !text.isEmpty, !text.hasSuffix(" ") { text += " " }
            } else {
                text += glyph.text
                end = max(end, glyph.endX)
            }
            previous = glyph
        }
        flush()
        return segments
    }
}
