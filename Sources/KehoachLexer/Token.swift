import KehoachText

/// One line of a plan, classified.
public struct Token: Sendable {
    public enum Kind: Sendable {
        case blank
        /// A numbered heading or item: `I. MỤC TIÊU`, `2.1. …`, `a) …`, `PHỤ LỤC`.
        case heading(NumberingLabel)
        /// `-`, `+`, `•` … followed by text.
        case bullet(marker: Character)
        /// Cells split on tabs or `|`.
        case tableRow(cells: [String])
        /// A line of only `|`, `-`, `:` and spaces: a lone cell border or a Markdown table rule.
        case rule
        /// `CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM`, `Độc lập - Tự do - Hạnh phúc`.
        case motto
        /// `Số: 364/KH-PGDĐT`
        case documentNumber
        /// `An Lão, ngày 30 tháng 9 năm 2024`
        case placeDate
        case text
    }

    public let kind: Kind
    /// The line's content without its marker, label or Markdown: what a reader sees.
    public let text: String
    /// `text`'s match key (lowercase, tone placement folded; same UTF-8 length), computed once
    /// here so that no later stage folds the same line again.
    public let key: String
    /// Where the content starts in the plan.
    public let location: SourceLocation
    /// Number of Markdown `#`s the line had; kept only as a hint, never for depth.
    public let markdownLevel: Int
    /// The whole line was bold or italic in Markdown.
    public let emphasized: Bool
    /// The line is a lone `|`: a cell border of a table copied from a web page, whose cells stand
    /// on lines of their own between such lines.
    public var isCellBorder = false
    /// The line opens or closes a Markdown bold run that another line closes or opened ("**6. Đề
    /// nghị: Hiệp hội" / "Doanh nghiệp tỉnh, Hội Nông dân tỉnh**"): a heading wrapped in its bold.
    public var leavesBoldOpen = false
    /// For a row rebuilt from cells on lines of their own: each cell's text with its lines.
    public var cellRuns: [TextRun] = []

    public var line: Int { location.line }

    public init(kind: Kind, text: String, key: String? = nil, location: SourceLocation, markdownLevel: Int = 0, emphasized: Bool = false) {
        self.kind = kind
        self.text = text
        self.key = key ?? Folding.matchKey(text)
        self.location = location
        self.markdownLevel = markdownLevel
        self.emphasized = emphasized
    }

    public var isBlank: Bool { if case .blank = kind { return true } else { return false } }

    public var heading: NumberingLabel? { if case .heading(let label) = kind { return label } else { return nil } }

    public var cells: [String]? { if case .tableRow(let cells) = kind { return cells } else { return nil } }
}
