import KehoachLexer
import KehoachText

/// A table copied from a web page with each cell on lines of its own between lone `|` lines:
///
///     |
///     STT
///     |
///     Nội dung
///     |
///     |
///     1
///     |
///     Tuyên truyền …
///     |
///
/// A row ends with a border and the next starts with one, so an empty "cell" stands between rows.
/// The header row (the cells up to that first empty one) gives the width; every row after it is
/// that many cells. What does not fit that shape is left as it was.
enum CellStream {
    /// The tokens with each such table replaced by one row token per row; nil when the text has
    /// no such table (most have no lone `|` at all), so that nothing is copied.
    static func rows(in tokens: ArraySlice<Token>) -> [Token]? {
        guard tokens.contains(where: \.isCellBorder) else { return nil }
        var out: [Token] = []
        out.reserveCapacity(tokens.count)
        var index = tokens.startIndex
        while index < tokens.endIndex {
            if tokens[index].isCellBorder, let (rows, end) = table(in: tokens, from: index) {
                out += rows
                index = end
            } else {
                out.append(tokens[index])
                index += 1
            }
        }
        return out
    }

    /// A content line as far as a cell is concerned: its text, with a bullet's marker.
    private static func cellText(_ token: Token) -> String? {
        switch token.kind {
        case .blank, .rule: return nil
        case .bullet(let marker): return "\(marker) \(token.text)"
        case .heading(let label):
            // "1" or "I" alone is a row number; a label with a title keeps its label
            return token.text.isEmpty ? label.text : "\(label.text). \(token.text)"
        case .tableRow(let cells): return cells.filter { !$0.isEmpty }.joined(separator: " ")
        default: return token.text
        }
    }

    /// The table that starts with the border at `start`, as row tokens, and the index after it.
    private static func table(in tokens: ArraySlice<Token>, from start: Int) -> ([Token], Int)? {
        // the cells between borders, each with where it starts
        var cells: [TextRun] = []
        var current: TextRun? = nil
        var index = start + 1
        var lastBorder = start
        var linesSinceBorder = 0
        while index < tokens.endIndex {
            let token = tokens[index]
            // an appendix or a part starts after the table, never inside a cell
            if case .heading(let label) = token.kind, label.scheme == .appendix || label.scheme == .part { break }
            if token.isCellBorder {
                // "…………": a site's mark for rows it left out stands where rows part
                if let cell = current, isElision(cell.text) { current = nil }
                cells.append(current ?? TextRun("", key: "", at: token.location))
                current = nil
                lastBorder = index
                linesSinceBorder = 0
            } else if let text = cellText(token) {
                linesSinceBorder += 1
                // a cell is a few lines; more without a border is the text after the table
                if linesSinceBorder > Self.longestCell { break }
                if current == nil { current = TextRun(text, at: token.location) } else { current!.append(text, at: token.location) }
            }
            index += 1
        }
        let end = lastBorder + 1
        guard let rows = rowsByNumber(cells) ?? rowsByWidth(cells), rows.rows.count >= 2 else { return nil }
        // what follows the last row read stays text, from the border after it
        let endIndex = rows.consumed >= cells.count ? end : borderIndex(in: tokens, from: start, ordinal: rows.consumed) ?? end
        return (rows.rows.map(rowToken), endIndex)
    }

    private static func rowToken(_ cells: [TextRun]) -> Token {
        let location = cells.first { !$0.text.isEmpty }?.location ?? cells[0].location
        let values = cells.map(\.text)
        var token = Token(kind: .tableRow(cells: values), text: values.joined(separator: " | "), location: location)
        token.cellRuns = cells
        return token
    }

    /// Rows that start with their number ("1", "II", "a"): an empty cell before a number ends a
    /// row, so group rows that span merged cells keep their own width. Nil when fewer than two
    /// rows start so.
    private static func rowsByNumber(_ cells: [TextRun]) -> (rows: [[TextRun]], consumed: Int)? {
        var rows: [[TextRun]] = []
        var row: [TextRun] = []
        var consumed = 0
        for (index, cell) in cells.enumerated() {
            let next = index + 1 < cells.count ? cells[index + 1] : nil
            // a row ends before a number, or once it is as wide as the header (an unnumbered row)
            let width = rows.first?.count ?? Int.max
            if cell.text.isEmpty, let next, !row.isEmpty, isRowNumber(next.text) || row.count >= width {
                rows.append(row)
                row = []
                consumed = index + 1
                continue
            }
            if index == 0 && cell.text.isEmpty { return nil }
            row.append(cell)
        }
        // the last row ends at the last border read
        if !row.isEmpty, row.contains(where: { !$0.text.isEmpty }) {
            rows.append(row.last?.text.isEmpty == true ? Array(row.dropLast()) : row)
            consumed = cells.count
        }
        guard rows.dropFirst().filter({ isRowNumber($0.first?.text ?? "") }).count >= 2 else { return nil }
        return (rows, consumed)
    }

    /// Rows of the header's width, one empty "cell" between them (a table with no row numbers).
    private static func rowsByWidth(_ cells: [TextRun]) -> (rows: [[TextRun]], consumed: Int)? {
        guard let width = cells.firstIndex(where: { $0.text.isEmpty }), width >= 2 else { return nil }
        var rows: [[TextRun]] = []
        var position = 0
        while position + width <= cells.count {
            let row = Array(cells[position..<(position + width)])
            guard row.contains(where: { !$0.text.isEmpty }) else { break }
            rows.append(row)
            position += width
            guard position < cells.count, cells[position].text.isEmpty else { break }
            position += 1
        }
        return (rows, min(cells.count, rows.count * width + max(0, rows.count - 1)))
    }

    private static func isElision(_ text: String) -> Bool {
        !text.isEmpty && text.unicodeScalars.allSatisfy { $0 == "." || $0 == "…" || $0 == " " }
    }

    /// "1", "12.", "II", "a)", "B": a row's number.
    private static func isRowNumber(_ text: String) -> Bool {
        let label = text.trimming(" .)")
        guard !label.isEmpty, label.count <= 5 else { return false }
        if label.allSatisfy({ $0.isASCII && $0.isNumber }) { return true }
        if NumberingReader.romanValue(label) != nil { return true }
        return label.count == 1 && label.first?.isLetter == true
    }

    /// The index after the n-th border (the one at `start` is the 0th): cell k stands between
    /// borders k and k + 1.
    private static func borderIndex(in tokens: ArraySlice<Token>, from start: Int, ordinal: Int) -> Int? {
        var seen = 0
        for index in start..<tokens.endIndex where tokens[index].isCellBorder {
            if seen == ordinal { return index + 1 }
            seen += 1
        }
        return nil
    }

    /// More content lines than this without a border end the table.
    static let longestCell = 40
}
