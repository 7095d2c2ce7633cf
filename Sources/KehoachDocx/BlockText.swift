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
                map.append(.paragraph(paragraphNumber), lines: appendLines(of: text, to: &lines))
            case .table(let table):
                tableNumber += 1
                if isLayout(table) {
                    for (r, row) in table.rows.enumerated() {
                        for (c, cell) in row.enumerated() where cell.merge != .continued {
                            for (p, text) in cell.paragraphs.enumerated() {
                                let count = appendLines(of: text, to: &lines)
                                map.append(.cellParagraph(table: tableNumber, row: r + 1, cell: c + 1, paragraph: p + 1), lines: count)
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

    /// Appends a paragraph's lines, returning how many. Most paragraphs are one line with
    /// nothing to drop: they are checked as bytes first.
    private static func appendLines(of text: String, to lines: inout [Substring]) -> Int {
        if text.utf8.first != 0x09, !contains(text, 0x0A) {
            lines.append(text[...])
            return 1
        }
        let broken = text.split(separator: "\n", omittingEmptySubsequences: false)
        lines += broken.map { line in line.drop(while: { $0 == "\t" }) }
        return broken.count
    }

    private static func rowLine(_ row: [WordCell]) -> String {
        var cells: [String] = []
        for cell in row {
            cells.append(cell.merge == .continued ? "" : cellText(cell.paragraphs.joined(separator: " ")))
            cells += [String](repeating: "", count: cell.span - 1)
        }
        return cells.joined(separator: "\t")
    }

    /// A cell's text on one line: its tabs and line breaks as spaces, no spaces at the ends.
    private static func cellText(_ text: String) -> String {
        let utf8 = text.utf8
        if utf8.first != 0x20, utf8.last != 0x20, !contains(text, 0x09), !contains(text, 0x0A) { return text }
        return String(text.map { $0 == "\t" || $0 == "\n" ? " " : $0 }).trimming(" ")
    }

    private static func contains(_ text: String, _ byte: UInt8) -> Bool {
        var text = text
        return text.withUTF8 { TextBytes.firstOffset(of: byte, in: $0) != nil }
    }
}
