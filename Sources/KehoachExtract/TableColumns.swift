import KehoachGrammar
import KehoachParser
import KehoachText

/// What each column of a table holds, read from its header: the row number ("STT"), the lead
/// and support units ("Đơn vị chủ trì", "Phối hợp"), the time ("Thời gian hoàn thành"), a year
/// a target is due ("Năm 2025", "Đến năm 2030"), and the content (what the row is about).
struct TableColumns {
    var number: Int?
    var roles: [(column: Int, role: Responsibility.Role)] = []
    var time: Int?
    /// Columns whose header is a year: the targets in them are due that year.
    var years: [(column: Int, year: Int)] = []
    var content: [Int] = []
    /// A column of money given out ("Kế hoạch vốn năm 2023") or of points ("Điểm chuẩn").
    private var hasAllocationOrScoreColumn = false
    /// The table allocates funds to the projects its rows name, or points to the criteria they
    /// state (a column of money or points, no unit or time column): the numbers in its rows say
    /// what is built or what earns points, not targets.
    var setsNoTargets: Bool { hasAllocationOrScoreColumn && roles.isEmpty && time == nil }

    init(_ table: Table, grammar: Grammar) {
        for (index, header) in table.header.enumerated() {
            let key = Folding.matchKey(header)
            if key.isEmpty {
                content.append(index)
                continue
            }
            if index == 0, Self.numberHeaders.contains(key.filter { $0 != " " && $0 != "." }) {
                number = index
            } else if let role = grammar.responsibilities.columns.matches(in: key).last {
                // "Đơn vị thực hiện Phối hợp" (a header over a sub-header): the last phrase decides
                roles.append((index, role.value == .lead ? .lead : .support))
            } else if time == nil, grammar.deadlines.timeColumns.prefixMatch(of: key) != nil {
                time = index
            } else if let year = Self.year(ofHeader: key) {
                years.append((index, year))
            } else if grammar.sections.noteColumns.contains(exactly: key.trimming(" :")) {
                if grammar.sections.scoreColumns.contains(exactly: key.trimming(" :")) { hasAllocationOrScoreColumn = true }
                continue
            } else if grammar.sections.allocationColumns.prefixMatch(of: key) != nil {
                hasAllocationOrScoreColumn = true
            } else {
                content.append(index)
            }
        }
        if table.header.isEmpty, let width = table.rows.map(\.cells.count).max() {
            content = Array(0..<width)
        }
        if number == nil, let first = content.first, table.dataRows.allSatisfy({ Self.isRowNumber($0.cells.first ?? "") }) {
            number = first
            content.removeFirst()
        }
    }

    private static let numberHeaders: Set<String> = ["stt", "tt", "sốtt", "số"]

    /// "2025", "Năm 2025", "Đến năm 2030", "KH 2026": a header that is a year and little else.
    private static func year(ofHeader key: String) -> Int? {
        let words = key.split(separator: " ")
        guard words.count <= 4 else { return nil }
        let years = words.compactMap { word -> Int? in
            let digits = word.filter(\.isNumber)
            guard digits.count == 4, let y = Int(digits), (1990...2100).contains(y) else { return nil }
            return y
        }
        return years.count == 1 ? years[0] : nil
    }

    private static func isRowNumber(_ cell: String) -> Bool {
        let t = cell.trimming(". ")
        return t.isEmpty || t.allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// A data row's content as one run: its content cells, the first (the task) before the rest,
    /// each keeping its lines.
    func content(of row: TableRow) -> TextRun? {
        var run: TextRun? = nil
        for column in content where column < row.width && !row.cells[column].isEmpty {
            if run == nil { run = row.run(column) } else { run!.append(row.run(column), separator: ": ") }
        }
        return run
    }

    /// A cell's text with a line break where it broke onto a new line: a cell that lists units
    /// one a line ("Sở Tài chính" / "Các sở, ngành").
    func lines(of column: Int, in row: TableRow) -> String {
        guard column < row.cellRuns.count else { return column < row.cells.count ? row.cells[column] : "" }
        let run = row.run(column)
        var text = Array(run.text.utf8)
        for piece in run.pieces.dropFirst() where piece.offset > 0 && text[piece.offset - 1] == 0x20 { text[piece.offset - 1] = 0x0A }
        return String(decoding: text, as: UTF8.self)
    }

    /// The line a cell starts on.
    func line(of column: Int, in row: TableRow) -> Int {
        column < row.cellRuns.count ? row.cellRuns[column].location.line : row.location.line
    }

    /// The line of a cell's first digit: a time cell "Trước ngày / 30/11/2025" is on the line of
    /// its date.
    func dateLine(of column: Int, in row: TableRow) -> Int {
        guard column < row.cellRuns.count else { return line(of: column, in: row) }
        let run = row.run(column)
        let bytes = Array(run.text.utf8)
        guard let digit = bytes.firstIndex(where: { (0x30...0x39).contains($0) }) else { return run.location.line }
        return run.line(atUTF8: digit)
    }

    /// The row's task: its first content cell.
    func task(of row: TableRow) -> String {
        taskRun(of: row)?.text ?? ""
    }

    func taskRun(of row: TableRow) -> TextRun? {
        content.first { $0 < row.width && !row.cells[$0].isEmpty }.map(row.run)
    }
}
