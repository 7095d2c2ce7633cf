import KehoachGrammar
import KehoachLexer
import KehoachText

/// A plan as a tree: header, preamble, numbered sections with their paragraphs and tables,
/// closing. What the parser builds and the extractor reads.
public struct PlanDocument: Sendable {
    public var header: DocumentHeader
    /// The "Căn cứ …", "Thực hiện …" paragraphs between the title and the first section.
    public var preamble: [Paragraph]
    public var sections: [Section]
    public var tables: [Table]
    public var citations: [Citation]
    public var closing: Closing
    public var diagnostics: [Diagnostic]

    /// Every section, depth first, with the path of its ancestors.
    public func walk(_ visit: (Section, [Section]) -> Void) {
        // one path array, grown and shrunk in place: a copy per section would retain every ancestor again
        var path: [Section] = []
        func go(_ sections: [Section]) {
            for s in sections {
                visit(s, path)
                path.append(s)
                go(s.children)
                path.removeLast()
            }
        }
        go(sections)
    }
}

/// A numbered heading and what stands under it.
public struct Section: Sendable {
    public var label: NumberingLabel
    public var title: TextRun
    public var kind: SectionKind?
    public var blocks: [Block]
    public var children: [Section]

    public var location: SourceLocation { title.location }
}

/// A piece of a section's body, in document order.
public enum Block: Sendable {
    case paragraph(Paragraph)
    /// Index into `PlanDocument.tables`.
    case table(Int)
}

/// A paragraph of prose or a bullet, rejoined across page breaks.
public struct Paragraph: Sendable {
    public enum Kind: Sendable, Hashable {
        case text
        case bullet(Character)
    }

    public var kind: Kind
    public var run: TextRun

    public var text: String { run.text }
    public var location: SourceLocation { run.location }
}

/// A tab- or `|`-separated table, its repeated headers merged.
public struct Table: Sendable {
    public var location: SourceLocation
    public var header: [String]
    public var rows: [TableRow]
    /// The label and title of the section the table stands in, for context.
    public var sectionLabel: String?

    /// Rows that hold data (not group rows such as "I. Truyền thông").
    public var dataRows: [TableRow] { rows.filter { !$0.isGroup } }

    /// The column whose header matches a predicate on its folded text.
    public func column(where matches: (String) -> Bool) -> Int? {
        header.firstIndex { matches(Folding.matchKey($0)) }
    }
}

public struct TableRow: Sendable {
    public var cells: [String]
    /// Each cell with the lines it stands on, for a row whose cells span lines (a web copy, a
    /// wrapped cell); empty for a row on one line. `run(_:)` serves both.
    public var cellRuns: [TextRun]
    public var location: SourceLocation
    /// A row that names a group of the rows below it ("I. Truyền thông …").
    public var isGroup: Bool
    /// For a data row: the index in `Table.rows` of the group row it stands under.
    public var group: Int? = nil

    public var width: Int { cells.count }

    /// A cell with the lines it stands on.
    public func run(_ column: Int) -> TextRun {
        if column < cellRuns.count { return cellRuns[column] }
        return TextRun(column < cells.count ? cells[column] : "", at: location)
    }
}

/// The "Nơi nhận" list and the signature block.
public struct Closing: Sendable {
    public var recipients: [String] = []
    public var signer: String?
    public var signerTitle: String?
    /// The lines above the name as printed: "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH".
    public var signatureLines: [String] = []
    public var location: SourceLocation?
}

/// Another document the plan names by number.
public struct Citation: Sendable, Hashable {
    public var type: String
    public var number: String
    public var date: CalendarDate?
    public var issuer: String?
    public var location: SourceLocation
}

/// A header field with where it was read, so a reader can check it against the plan.
public struct HeaderField<Value: Sendable & Hashable>: Sendable, Hashable {
    public var value: Value
    public var location: SourceLocation?

    public init(_ value: Value, at location: SourceLocation?) {
        self.value = value
        self.location = location
    }
}

/// What the header block says about the document.
public struct DocumentHeader: Sendable {
    /// `364/KH-PGDĐT`; nil when printed blank (`Số: /KH-UBND`).
    public var number: HeaderField<String>?
    /// `KH-PGDĐT`
    public var symbol: HeaderField<String>?
    public var documentType: HeaderField<String>?
    public var issuer: HeaderField<String>?
    public var level: PlanLevel?
    public var place: HeaderField<String>?
    public var date: HeaderField<CalendarDate>?
    public var title: HeaderField<String>?
    /// The issuing body lines as printed ("ỦY BAN NHÂN DÂN", "THÀNH PHỐ THỦ DẦU MỘT", …).
    public var issuerLines: [String] = []
    /// The letterhead named the body without its place ("ỦY BAN NHÂN DÂN"): the body's text or
    /// the place-date line completes it.
    var issuerHasPlace = true

    public init() {}
}
