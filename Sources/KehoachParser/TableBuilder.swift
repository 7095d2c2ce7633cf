import KehoachGrammar
import KehoachLexer
import KehoachText

/// The lines of a table → a `Table`, however page breaks and copying cut it:
///
/// - the first row is the header when it does not start with a number; a second row of
///   sub-headers under it ("Chủ trì" | "Phối hợp" under "Đơn vị thực hiện") is merged into it;
/// - a repeat of the header after a page break, and a row of column numbers (1 2 3 …), are dropped;
/// - a row numbered with a Roman numeral or a letter, or holding one cell, is a group row, and so
///   is such a line that lost its empty cells ("I. Truyền thông") and a row numbered "5" over rows
///   numbered "5.1", "5.2"; the rows under it belong to it;
/// - a row broken by a line break inside a cell ("1<tab>Tuyên truyền …" / "… trên mạng<tab>Phòng
///   VH-XH<tab>…") is joined back, and a line of text between rows continues the row above;
/// - a page number between rows is dropped; a skipped row number is reported.
enum TableBuilder {
    /// A line of a table region: a row of cells, or a line between rows (a group heading that lost
    /// its empty cells, a wrapped cell's text, a page number).
    enum Line {
        case row(Token)
        case inner(Token)

        var token: Token {
            switch self { case .row(let t), .inner(let t): return t }
        }
    }

    static func build(_ lines: [Line], grammar: SectionGrammar) -> (Table, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let rows = joinedRows(lines)
        let first = rows[0]
        let hasHeader = !(first.cells.first(where: { !$0.isEmpty }).map(isNumber) ?? false) && !first.isInner
        var header = hasHeader ? first.cells : []
        var body = rows.dropFirst(hasHeader ? 1 : 0)
        if hasHeader, let second = body.first, isSubHeader(second) {
            header = merged(header, second.cells)
            body = body.dropFirst()
        }
        let headerKey = key(header)
        let headerCells = header.filter { !$0.isEmpty }.count
        var table = Table(location: first.location, header: header, rows: [], sectionLabel: nil)
        var lastNumber: Int? = nil
        var group: Int? = nil
        let bodyRows = Array(body)
        for (index, row) in bodyRows.enumerated() {
            let cells = row.cells
            let filled = cells.filter { !$0.isEmpty }
            if filled.isEmpty { continue }
            if hasHeader && filled.count == headerCells && key(cells) == headerKey { continue }
            if isColumnNumbering(cells) { continue }
            let firstCell = filled.first ?? ""
            let isGroup = row.isInner || filled.count == 1 || isGroupLabel(firstCell)
                || cells.first?.isEmpty != false && grammar.totalRows.prefixMatch(of: Folding.matchKey(firstCell)) != nil
                || headsSubRows(firstCell, next: bodyRows.dropFirst(index + 1).first { row in row.cells.contains { !$0.isEmpty } })
            if !isGroup, let n = Int(firstCell.trimming(". ")) {
                if let previous = lastNumber, previous < Int.max, n > previous + 1 {
                    let missing = (previous + 1 == n - 1) ? "\(previous + 1)" : "\(previous + 1)–\(n - 1)"
                    diagnostics.append(Diagnostic("table.skipped-row", at: row.location, "table row number \(missing) is missing (row \(previous) is followed by \(n))"))
                }
                lastNumber = n
            }
            table.rows.append(TableRow(cells: cells, cellRuns: row.runs, location: row.location, isGroup: isGroup, group: isGroup ? nil : group))
            if isGroup { group = table.rows.count - 1 }
        }
        return (table, diagnostics)
    }

    // MARK: - Rows from lines

    private struct RawRow {
        var cells: [String]
        /// Each cell with the lines it stands on.
        var runs: [TextRun]
        var location: SourceLocation
        /// A group heading that stood as a line of its own.
        var isInner = false

        /// Runs for every cell, for a row about to take text from another line.
        mutating func materializeRuns() {
            if runs.count != cells.count { runs = cells.map { TextRun($0, at: location) } }
        }
    }

    private static func runs(of token: Token) -> [TextRun] {
        let cells = token.cells ?? []
        return token.cellRuns.count == cells.count ? token.cellRuns : cells.map { TextRun($0, at: token.location) }
    }

    /// The table's rows with broken rows joined, wrapped text appended, page numbers dropped.
    private static func joinedRows(_ lines: [Line]) -> [RawRow] {
        var rows: [RawRow] = []
        // the width of the table: the widest of its first rows
        let width = lines.prefix(4).compactMap { $0.token.cells?.count }.max() ?? 0
        for line in lines {
            switch line {
            case .row(let token):
                let cells = token.cells ?? []
                if var last = rows.last, !last.isInner, last.cells.count < width, last.cells.count + cells.count - 1 == width,
                   let head = cells.first, !head.isEmpty, !isNumber(head), !isGroupLabel(head) {
                    // a line break inside a cell cut the row in two: the halves share that cell
                    let runs = runs(of: token)
                    last.materializeRuns()
                    last.cells[last.cells.count - 1] = [last.cells[last.cells.count - 1], cells[0]].filter { !$0.isEmpty }.joined(separator: " ")
                    last.runs[last.runs.count - 1].append(runs[0])
                    last.cells += cells.dropFirst()
                    last.runs += runs.dropFirst()
                    rows[rows.count - 1] = last
                } else {
                    rows.append(RawRow(cells: cells, runs: token.cellRuns, location: token.location))
                }
            case .inner(let token):
                if isPageNumber(token.text) { continue }
                if case .heading(let label) = token.kind {
                    rows.append(RawRow(cells: [label.text, token.text], runs: [TextRun(label.text, at: token.location), TextRun(token.text, at: token.location)],
                                       location: token.location, isInner: true))
                } else if var last = rows.last, let index = last.cells.lastIndex(where: { !$0.isEmpty }) {
                    // the wrapped text of a cell: it continues the row above
                    last.materializeRuns()
                    last.cells[index] += " " + token.text
                    last.runs[index].append(token.text, key: token.key, at: token.location)
                    rows[rows.count - 1] = last
                }
            }
        }
        return rows
    }

    /// "12", "- 3 -", "Trang 3": a page number left between rows by a page break.
    static func isPageNumber(_ text: String) -> Bool {
        var t = Substring(text.trimming(" -–—"))
        if t.lowercased().hasPrefix("trang ") { t = t.dropFirst(6) }
        return !t.isEmpty && t.count <= 4 && t.allSatisfy { $0.isASCII && $0.isNumber }
    }

    // MARK: - Header

    /// A row of sub-headers right under the header: its first cell empty (under STT), at least
    /// two short cells, no digit.
    private static func isSubHeader(_ row: RawRow) -> Bool {
        let filled = row.cells.filter { !$0.isEmpty }
        guard !row.isInner, filled.count >= 2, row.cells.first?.isEmpty == true else { return false }
        return filled.allSatisfy { cell in cell.count <= 40 && !cell.contains(where: \.isNumber) }
    }

    /// The header with its sub-headers: "Đơn vị thực hiện" over "Chủ trì" | "Phối hợp" gives
    /// "Đơn vị thực hiện Chủ trì" | "Đơn vị thực hiện Phối hợp". A merged header cell spans the
    /// sub-headers under it when the sub-header row is the wider.
    static func merged(_ header: [String], _ sub: [String]) -> [String] {
        var top = header
        if top.count < sub.count, let start = sub.firstIndex(where: { !$0.isEmpty }), start < top.count {
            let span = sub.count - top.count + 1
            top = Array(top[..<start]) + Array(repeating: top[start], count: span) + Array(top[(start + 1)...])
        }
        return sub.indices.map { i in
            let upper = i < top.count ? top[i] : ""
            return [upper, sub[i]].filter { !$0.isEmpty }.joined(separator: " ")
        }
    }

    // MARK: - Cells

    private static func key(_ cells: [String]) -> String {
        cells.filter { !$0.isEmpty }.map { Folding.matchKey($0) }.joined(separator: "\t")
    }

    private static func isNumber(_ cell: String) -> Bool {
        let t = cell.trimming(". ")
        return !t.isEmpty && t.allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// "5" over "5.1": a numbered row whose next row is numbered under it heads those rows.
    private static func headsSubRows(_ label: String, next: RawRow?) -> Bool {
        let number = label.trimming(". ")
        guard !number.isEmpty, number.allSatisfy({ $0.isASCII && $0.isNumber }),
              let nextLabel = next?.cells.first(where: { !$0.isEmpty }) else { return false }
        let prefix = number + "."
        return nextLabel.hasPrefix(prefix) && nextLabel.dropFirst(prefix.count).first.map { $0.isASCII && $0.isNumber } == true
    }

    /// "I", "II.", "A", "b)": a label that numbers groups of rows, not rows.
    private static func isGroupLabel(_ cell: String) -> Bool {
        let label = cell.trimming(". )")
        if NumberingReader.romanValue(label) != nil { return true }
        guard label.count == 1, let c = label.first else { return false }
        return c.isLetter
    }

    /// "(1) (2) (3)" or "1 2 3 4": a row that numbers the columns.
    private static func isColumnNumbering(_ cells: [String]) -> Bool {
        let numbers = cells.filter { !$0.isEmpty }.map { Int($0.trimming("() .")) }
        guard numbers.count >= 3, numbers.allSatisfy({ $0 != nil }) else { return false }
        return numbers.enumerated().allSatisfy { $0.element == $0.offset + 1 }
    }
}
