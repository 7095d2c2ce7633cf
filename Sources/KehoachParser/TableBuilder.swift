import KehoachLexer
import KehoachText

/// Rows of a tab- or `|`-separated table → a `Table`: the first row is its header when it does
/// not start with a number, a repeat of the header after a page break is dropped, a row of
/// column numbers (1 2 3 …) is dropped, and a row numbered with a Roman numeral or holding one
/// cell is a group row. A skipped row number is reported.
enum TableBuilder {
    static func build(_ rows: [Token], sectionLabel: String?) -> (Table, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let first = rows[0]
        let firstCells = first.cells ?? []
        let hasHeader = !(firstCells.first.map(isNumber) ?? false)
        let header = hasHeader ? firstCells : []
        let headerKey = key(header)
        let headerCells = header.filter { !$0.isEmpty }.count
        var table = Table(location: first.location, header: header, rows: [], sectionLabel: sectionLabel)
        var lastNumber: Int? = nil
        for row in rows.dropFirst(hasHeader ? 1 : 0) {
            let cells = row.cells ?? []
            let filled = cells.filter { !$0.isEmpty }
            if hasHeader && filled.count == headerCells && key(cells) == headerKey { continue }
            if isColumnNumbering(cells) { continue }
            let firstCell = filled.first ?? ""
            let isGroup = filled.count == 1 || NumberingReader.romanValue(firstCell.trimming(". ")) != nil
                || (firstCell.count <= 2 && firstCell.first?.isUppercase == true && firstCell.trimming(". ").count == 1)
            if !isGroup, let n = Int(firstCell.trimming(". ")) {
                if let previous = lastNumber, previous < Int.max, n > previous + 1 {
                    let missing = (previous + 1 == n - 1) ? "\(previous + 1)" : "\(previous + 1)–\(n - 1)"
                    diagnostics.append(Diagnostic("table.skipped-row", at: row.location, "table row number \(missing) is missing (row \(previous) is followed by \(n))"))
                }
                lastNumber = n
            }
            table.rows.append(TableRow(cells: cells, location: row.location, isGroup: isGroup))
        }
        return (table, diagnostics)
    }

    private static func key(_ cells: [String]) -> String {
        cells.filter { !$0.isEmpty }.map { Folding.matchKey($0) }.joined(separator: "\t")
    }

    private static func isNumber(_ cell: String) -> Bool {
        let t = cell.trimming(". ")
        return !t.isEmpty && t.allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// "(1) (2) (3)" or "1 2 3 4": a row that numbers the columns.
    private static func isColumnNumbering(_ cells: [String]) -> Bool {
        let numbers = cells.filter { !$0.isEmpty }.map { Int($0.trimming("() .")) }
        guard numbers.count >= 3, numbers.allSatisfy({ $0 != nil }) else { return false }
        return numbers.enumerated().allSatisfy { $0.element == $0.offset + 1 }
    }
}
