/// Where the lines of a text read from a Word or PDF file come from, so that a location
/// (`line` in the JSON) can be found in the document itself. Lines are numbered as in the text
/// kehoach reads (`kehoach convert FILE` prints it); the map groups them into spans:
///
/// - `{"first": 9, "last": 40, "paragraph": 5}`: lines 9–40 are the document's paragraphs 5–36
///   (paragraphs of the body, counted from 1, tables not counted);
/// - `{"first": 3, "last": 8, "table": 1, "row": 1, "cell": 1, "paragraph": 1}`: the paragraphs of a
///   cell of a layout table (a letterhead or signature table, read as lines);
/// - `{"first": 146, "last": 149, "table": 2, "row": 1}`: rows 1–4 of a data table, one line per row,
///   cells separated by tabs;
/// - `"lineBreaks": true`: the span's lines are one paragraph, split at its line breaks;
/// - `{"first": 1, "last": 52, "page": 1}`: a PDF's lines, by page.
public struct DocumentMap: Codable, Sendable, Equatable {
    public enum Format: String, Codable, Sendable {
        case docx, pdf
    }

    public struct Span: Codable, Sendable, Equatable {
        public var first: Int
        public var last: Int
        public var paragraph: Int?
        public var table: Int?
        public var row: Int?
        public var cell: Int?
        public var page: Int?
        public var lineBreaks: Bool?

        public init(first: Int, last: Int, paragraph: Int? = nil, table: Int? = nil, row: Int? = nil, cell: Int? = nil,
                    page: Int? = nil, lineBreaks: Bool? = nil) {
            (self.first, self.last, self.paragraph, self.table) = (first, last, paragraph, table)
            (self.row, self.cell, self.page, self.lineBreaks) = (row, cell, page, lineBreaks)
        }
    }

    /// Where one line comes from, as its reader knows it.
    public enum Origin: Equatable, Sendable {
        case paragraph(Int)
        case cellParagraph(table: Int, row: Int, cell: Int, paragraph: Int)
        case tableRow(table: Int, row: Int)
        case page(Int)
    }

    public var format: Format
    public private(set) var spans: [Span] = []
    private var lastOrigin: Origin?

    private enum CodingKeys: String, CodingKey {
        case format, spans
    }

    public init(format: Format) {
        self.format = format
    }

    /// A map read back from storage, as it was made.
    public init(format: Format, spans: [Span]) {
        self.format = format
        self.spans = spans
    }

    /// Adds the next unit of the document: `lines` lines from one place (more than one when a
    /// paragraph holds line breaks; such a span stands alone).
    public mutating func append(_ origin: Origin, lines: Int = 1) {
        guard lines > 0 else { return }
        let first = (spans.last?.last ?? 0) + 1
        defer { lastOrigin = origin }
        if lines == 1, let previous = lastOrigin, let last = spans.last, last.lineBreaks == nil, Self.follows(previous, origin) {
            spans[spans.count - 1].last = first
            return
        }
        var span = Span(first: first, last: first + lines - 1)
        switch origin {
        case .paragraph(let p): span.paragraph = p
        case .cellParagraph(let t, let r, let c, let p): (span.table, span.row, span.cell, span.paragraph) = (t, r, c, p)
        case .tableRow(let t, let r): (span.table, span.row) = (t, r)
        case .page(let p): span.page = p
        }
        if lines > 1 { span.lineBreaks = true }
        spans.append(span)
    }

    /// The next paragraph or row of the same run, or the same page.
    private static func follows(_ previous: Origin, _ origin: Origin) -> Bool {
        switch (previous, origin) {
        case (.paragraph(let a), .paragraph(let b)): return b == a + 1
        case (.cellParagraph(let t1, let r1, let c1, let a), .cellParagraph(let t2, let r2, let c2, let b)):
            return t1 == t2 && r1 == r2 && c1 == c2 && b == a + 1
        case (.tableRow(let t1, let a), .tableRow(let t2, let b)): return t1 == t2 && b == a + 1
        case (.page(let a), .page(let b)): return a == b
        default: return false
        }
    }
}
