/// The rows of every page → the plan's lines, as the document's paragraphs were before the
/// PDF cut them into lines:
///
/// - a row continues the line above when the first word of the row would not have fitted on
///   it (the writer wrapped it there), unless the row starts with a list mark (`- `, `II. `,
///   `a) `); a row in lower case always continues;
/// - vertical space of one empty line or more becomes that many blank lines (across a page
///   break: the space at the head of the next page, and at most one line at the foot of the
///   page, which may be empty for other reasons);
/// - a letterhead (the first rows of page 1 in two columns) is read column by column, left
///   then right, each of its rows a line unless it is the lower-case or numeric rest of the
///   row above;
/// - rows of several segments make a table: one line per table row, cells separated by tabs
///   and placed by the x of the columns of its first row; rows that carry no first cell are
///   the wrapped rest of the cells above; a header row repeated at the top of a page is dropped.
struct TextFlow {
    struct Line {
        var text: String
        var page: Int
    }

    private let rows: [TextRow]
    private let left: Double, right: Double
    /// The usual distance between baselines, and where text starts and ends on a full page.
    private let pitch: Double
    private let top: Double, bottom: Double

    init(_ rows: [TextRow]) {
        self.rows = rows
        // the body's margins, from lines of one segment (tables may reach further)
        let single = rows.filter { $0.segments.count == 1 }
        left = (single.isEmpty ? rows : single).map(\.x).min() ?? 0
        right = (single.isEmpty ? rows : single).map(\.endX).max() ?? 0
        var gaps: [Int: Int] = [:]
        for (a, b) in zip(rows, rows.dropFirst()) where a.page == b.page {
            let gap = a.y - b.y
            if gap > 0.9 * a.size, gap < 1.6 * a.size { gaps[Int((gap * 10).rounded()), default: 0] += 1 }
        }
        let sizes = rows.map(\.size).sorted()
        pitch = gaps.max { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }.map { Double($0.key) / 10 }
            ?? 1.15 * (sizes.isEmpty ? 12 : sizes[sizes.count / 2])
        let pages = Dictionary(grouping: rows, by: \.page)
        top = pages.values.compactMap { $0.first?.y }.max() ?? 0
        bottom = pages.values.compactMap { $0.last?.y }.min() ?? 0
    }

    func lines() -> [Line] {
        guard let first = rows.first else { return [] }
        // empty paragraphs above the first line of the document
        var out = Array(repeating: Line(text: "", page: first.page), count: Self.lineCount((top - first.y) / pitch))
        var index = 0
        if let header = headerColumns() {
            // empty paragraphs at the foot of a cell leave no mark: each column is given the
            // empty lines down to the foot of the table, taken to end where the next line starts
            let bottomRow = rows[header.end - 1]
            let below = header.end < rows.count ? blank(bottomRow, rows[header.end]) : 0
            for items in [header.left, header.right] {
                out += flow(items, left: nil, trailingTo: bottomRow)
                out += Array(repeating: Line(text: "", page: bottomRow.page), count: below)
            }
            index = header.end
        }
        var body: [Item] = []
        while index < rows.count {
            if rows[index].segments.count >= 2 {
                out += flow(body, left: left, trailingTo: nil)
                if !body.isEmpty { out += blankLines(body.last!.row, rows[index]) }
                body = []
                let (tableLines, next) = table(from: index)
                out += tableLines
                index = next
                if index < rows.count { out += blankLines(rows[index - 1], rows[index]) }
                continue
            }
            body.append(Item(row: rows[index], segment: rows[index].segments[0]))
            index += 1
        }
        out += flow(body, left: left, trailingTo: nil)
        return out
    }

    // MARK: - Paragraphs

    private struct Item {
        var row: TextRow
        var segment: TextRow.Segment
    }

    /// Lines of one column: wrapped rows joined, blank lines from vertical space. `left`: the
    /// column's left edge, when its right edge is the body's (nil: a letterhead column, whose
    /// width is not known, so only rows that cannot start a line are joined). `trailingTo`: a
    /// row further down the page the column reaches (blank lines at the column's foot).
    private func flow(_ items: [Item], left: Double?, trailingTo end: TextRow?) -> [Line] {
        var out: [Line] = []
        var previous: Item? = nil
        for item in items {
            if let above = previous {
                let blanks = blank(above.row, item.row)
                // across a page break: no space at the head of the next page, and a full page
                // (pages end short of a full one for many reasons) or a row in lower case
                let lowercase = item.segment.text.first?.isLowercase == true
                let adjacent = above.row.page == item.row.page ? blanks == 0
                    : ((top - item.row.y) / pitch).rounded() == 0 && (lowercase || ((above.row.y - bottom) / pitch).rounded() == 0)
                if adjacent, continues(above, item, left: left) {
                    out[out.count - 1].text += joiner(above.segment, item.segment) + item.segment.text
                    previous = item
                    continue
                }
                out += Array(repeating: Line(text: "", page: item.row.page), count: blanks)
            }
            out.append(Line(text: item.segment.text, page: item.row.page))
            previous = item
        }
        if let end, let last = items.last, last.row.page == end.page {
            out += Array(repeating: Line(text: "", page: end.page), count: Self.lineCount((last.row.y - end.y) / pitch))
        }
        return out
    }

    /// What goes between a line and its wrapped rest: a space, unless the line was broken
    /// inside a word, which shows as no drawn space and a line ending in a hyphen or slash
    /// ("KH-" / "UBND"), or a rest that starts with closing punctuation.
    private func joiner(_ line: TextRow.Segment, _ rest: TextRow.Segment) -> String {
        guard !line.endsWithSpace else { return " " }
        if let last = line.text.last, "-/".contains(last), !line.text.hasSuffix(" -") { return "" }
        if let first = rest.text.first, ").,;:".contains(first) { return "" }
        return " "
    }

    /// Whether `next` is the wrapped rest of the paragraph whose line is `line`.
    private func continues(_ above: Item, _ item: Item, left: Double?) -> Bool {
        let (line, next) = (above.segment, item.segment)
        if Self.startsListItem(next.text) { return false }
        // a row that starts in lower case never starts a paragraph
        if let first = next.text.first, first.isLowercase { return true }
        guard let left else { return next.text.first?.isNumber == true && line.text.last?.isLetter == true }
        let space = 0.25 * above.row.size
        let centered = abs((line.x + line.endX) / 2 - (left + right) / 2) < 3 && line.x > left + 10
        // within a point of the margin counts as not fitting: the writer's metrics differ a little
        let fits = centered ? line.width + space + next.firstWordWidth < right - left - 1
                            : line.endX + space + next.firstWordWidth < right - 1
        return !fits
    }

    /// `- `, `+ `, `• `, `II. `, `1. `, `2.1. `, `a) `: a list item's mark, which starts a
    /// paragraph even below a full line. (Not `– `, a dash that wrapped, nor `2026. `, a year.)
    static func startsListItem(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars.prefix(12))
        guard let first = scalars.first else { return false }
        if "-+•".unicodeScalars.contains(first) { return scalars.count > 1 && scalars[1] == " " }
        var i = 0
        if first.properties.isLowercase {
            i = 1
        } else if "IVXLC".unicodeScalars.contains(first) {
            while i < scalars.count, "IVXLC".unicodeScalars.contains(scalars[i]) { i += 1 }
        } else {
            func isDigit(_ at: Int) -> Bool { at < scalars.count && ("0"..."9").contains(scalars[at]) }
            while isDigit(i) || (i > 0 && i < scalars.count && scalars[i] == "." && isDigit(i + 1)) { i += 1 }
            let firstNumber = scalars.prefix { ("0"..."9").contains($0) }.count
            guard (1...2).contains(firstNumber) else { return false }
        }
        return i + 1 < scalars.count && (scalars[i] == "." || scalars[i] == ")") && scalars[i + 1] == " "
    }

    private func blankLines(_ upper: TextRow, _ lower: TextRow) -> [Line] {
        Array(repeating: Line(text: "", page: lower.page), count: blank(upper, lower))
    }

    /// Empty lines between two rows, from the space between their baselines.
    private func blank(_ upper: TextRow, _ lower: TextRow) -> Int {
        let lines: Double
        if upper.page == lower.page {
            lines = (upper.y - lower.y) / pitch - 1
        } else {
            // the foot of a page may be empty because the next paragraph was kept together:
            // count one empty line there at most
            lines = min(((upper.y - bottom) / pitch).rounded(), 1) + (top - lower.y) / pitch
        }
        return Self.lineCount(lines)
    }

    /// A number of empty lines, rounded, and never more than a page holds.
    private static func lineCount(_ lines: Double) -> Int {
        lines.isFinite ? min(max(0, Int(lines.rounded())), 100) : 0
    }

    // MARK: - Letterhead

    /// Two columns at the head of page 1: from a first row of two segments down to the first
    /// row with a segment that sits in neither column (neither centred in it nor starting where
    /// its first row starts), such as a title at the margin. The gap between the columns is
    /// narrowed by each row of two segments.
    private func headerColumns() -> (left: [Item], right: [Item], end: Int)? {
        guard let first = rows.first, first.segments.count == 2 else { return nil }
        var gap = (low: first.segments[0].endX, high: first.segments[1].x)
        func column(of segment: TextRow.Segment) -> Int? {
            let columns = [(start: left, end: gap.high, aligned: first.segments[0].x), (start: gap.low, end: right, aligned: first.segments[1].x)]
            return columns.firstIndex { column in
                let width = column.end - column.start
                let centred = abs((segment.x + segment.endX) / 2 - (column.start + column.end) / 2) <= 0.2 * width
                return segment.x >= column.start - 3 && segment.endX <= column.end + 3 && (centred || abs(segment.x - column.aligned) <= 3)
            }
        }
        var leftColumn: [Item] = [], rightColumn: [Item] = []
        var end = 0
        for (i, row) in rows.enumerated() where row.page == first.page {
            guard row.segments.count <= 2 else { break }
            if row.segments.count == 2 {
                let narrowed = (low: max(gap.low, row.segments[0].endX), high: min(gap.high, row.segments[1].x))
                guard narrowed.low < narrowed.high else { break }
                gap = narrowed
            }
            let placed = row.segments.map(column(of:))
            guard placed.allSatisfy({ $0 != nil }), Set(placed).count == placed.count else { break }
            for (segment, column) in zip(row.segments, placed) {
                if column == 0 { leftColumn.append(Item(row: row, segment: segment)) } else { rightColumn.append(Item(row: row, segment: segment)) }
            }
            end = i + 1
        }
        return end > 0 ? (leftColumn, rightColumn, end) : nil
    }

    // MARK: - Tables

    /// The table that starts at row `start`: its lines, and the first row after it.
    private func table(from start: Int) -> ([Line], Int) {
        let header = rows[start]
        let columns = header.segments.map(\.x)
        var tableRows: [(cells: [String], page: Int)] = []
        // per column, the last segment added to the current row (how to join its wrapped rest)
        var lastSegments: [TextRow.Segment?] = []
        // the header row's height in rows of text, and how many of a repeat are left to skip
        var headerHeight: Int? = nil
        var repeatLeft = 0
        var index = start
        while index < rows.count {
            let row = rows[index]
            if index > start {
                let previous = rows[index - 1]
                // space of an empty line ends the table: on the same page, at the foot of the
                // page (an empty paragraph before the page break) or at the head of the next
                if previous.page == row.page ? previous.y - row.y > 1.8 * pitch
                    : top - row.y > 0.5 * pitch || previous.y - bottom > 0.75 * pitch { break }
                guard row.segments.allSatisfy({ segment in fits(segment, columns) }) else { break }
            }
            let placed = row.segments.map { segment in (segment, columns.lastIndex { $0 <= segment.x + 2 } ?? 0) }
            let firstCell = placed.contains { $0.1 == 0 }
            if let height = headerHeight, row.page != rows[index - 1].page, row.segments.map(\.text) == header.segments.map(\.text) {
                // the header row again at the head of the page (Word's "repeat as header row")
                repeatLeft = height
            } else if repeatLeft == 0, firstCell || tableRows.isEmpty {
                if tableRows.count == 1, headerHeight == nil { headerHeight = index - start }
                tableRows.append(([String](repeating: "", count: columns.count), row.page))
                lastSegments = [TextRow.Segment?](repeating: nil, count: columns.count)
            }
            if repeatLeft > 0 {
                repeatLeft -= 1
            } else {
                for (segment, column) in placed {
                    let cell = tableRows[tableRows.count - 1].cells[column]
                    let separator = lastSegments[column].map { joiner($0, segment) } ?? (cell.isEmpty ? "" : " ")
                    tableRows[tableRows.count - 1].cells[column] = cell + separator + segment.text
                    lastSegments[column] = segment
                }
            }
            index += 1
        }
        return (tableRows.map { Line(text: $0.cells.joined(separator: "\t"), page: $0.page) }, max(index, start + 1))
    }

    /// A segment that stays within one column of the table.
    private func fits(_ segment: TextRow.Segment, _ columns: [Double]) -> Bool {
        let column = columns.lastIndex { $0 <= segment.x + 2 } ?? 0
        return column + 1 >= columns.count || segment.endX <= columns[column + 1] + 2
    }
}
