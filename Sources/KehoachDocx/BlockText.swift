import KehoachText

/// `[WordBlock]` → the plan's lines, the text every later stage reads, and the map from each
/// line back to its paragraph or table row:
///
/// - a paragraph is a line (a line per line break in it); leading tabs, which indent, are dropped;
/// - a data table (bordered, or wider than two columns) is a line per row, its cells separated
///   by tabs as the table parser reads them; a cell spanning columns is followed by empty cells,
///   so that later cells stay under their headings; a cell merged into the one above is empty;
/// - a layout table (borderless, one or two columns: the letterhead "issuer | motto", the
///   signature block) is read cell by cell, each of its paragraphs a line, as a person reads it.
enum BlockText {
    static func render(_ blocks: [WordBlock]) -> (text: String, map: DocumentMap) {
        var lines: [Substring] = []
        var map = DocumentMap(format: .docx)
        var paragraphNumber = 0
        var tableNumber = 0
        for block in blocks {
            switch block {
            case .paragraph(let text):
                paragraphNumber += 1
                let broken = paragraphLines(text)
                lines += broken
                map.append(.paragraph(paragraphNumber), lines: broken.count)
            case .table(let table):
                tableNumber += 1
                if isLayout(table) {
                    for (r, row) in table.rows.enumerated() {
                        for (c, cell) in row.enumerated() where cell.merge != .continued {
                            for (p, text) in cell.paragraphs.enumerated() {
                                let broken = paragraphLines(text)
                                lines += broken
                                map.append(.cellParagraph(table: tableNumber, row: r + 1, cell: c + 1, paragraph: p + 1), lines: broken.count)
                            }
                        }
                    }
                } else {
                    for (r, row) in table.rows.enumerated() {
                        lines.append(Substring(rowLine(row)))
                        map.append(.tableRow(table: tableNumber, row: r + 1))
                    }
                }
            }
        }
        return (lines.joined(separator: "\n"), map)
    }

    static func isLayout(_ table: WordTable) -> Bool {
        !table.bordered && table.columnCount <= 2
    }

    private static func paragraphLines(_ text: String) -> [Substring] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.drop(while: { $0 == "\t" })
        }
    }

    private static func rowLine(_ row: [WordCell]) -> String {
        var cells: [String] = []
        for cell in row {
            let text = cell.merge == .continued ? "" : cell.paragraphs.joined(separator: " ")
            cells.append(String(text.map { $0 == "\t" || $0 == "\n" ? " " : $0 }).trimming(" "))
            cells += [String](repeating: "", count: cell.span - 1)
        }
        return cells.joined(separator: "\t")
    }
}
