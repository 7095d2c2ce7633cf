/// The body of a Word document as kehoach reads it: paragraphs (their list labels drawn in,
/// soft line breaks as "\n") and tables, in order.
enum WordBlock: Equatable, Sendable {
    case paragraph(String)
    case table(WordTable)
}

struct WordTable: Equatable, Sendable {
    var rows: [[WordCell]] = []
    /// Drawn with borders (its own `w:tblBorders`, its cells', or its style's): a table of
    /// data. A borderless one lays out text side by side, like a plan's letterhead.
    var bordered = false

    var columnCount: Int { rows.map { $0.reduce(0) { $0 + $1.span } }.max() ?? 0 }
}

struct WordCell: Equatable, Sendable {
    enum Merge: Equatable, Sendable {
        case none
        /// `w:vMerge w:val="restart"`: the top of cells merged down.
        case restart
        /// `w:vMerge`: covered by the cell above; Word shows nothing of its own.
        case continued
    }

    var paragraphs: [String] = []
    /// `w:gridSpan`: how many grid columns the cell covers.
    var span = 1
    var merge = Merge.none
}
