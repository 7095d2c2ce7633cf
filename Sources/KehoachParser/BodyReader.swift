import KehoachGrammar
import KehoachLexer
import KehoachText

/// Reads the body after the header: preamble paragraphs, the section tree with its paragraphs
/// and tables, and the closing ("Nơi nhận" list and signature block). Paragraphs broken by a
/// page break ("… an toàn" / "môi trường học tập số") are rejoined: a line that starts in lower
/// case continues the text before it unless that text ended a sentence.
struct BodyReader {
    let grammar: Grammar
    let lexer: Lexer

    private(set) var preamble: [Paragraph] = []
    private(set) var tables: [Table] = []
    private var closingReader: ClosingReader
    var closing: Closing { closingReader.closing }
    private(set) var diagnostics: [Diagnostic] = []
    private(set) var sections: [Section] = []

    private var tree: SectionTreeBuilder
    private var pendingRows: [TableBuilder.Line] = []
    /// Lines read inside the pending table since its last row.
    private var linesSinceRow = 0
    private var inClosing = false
    /// What a lower-case line would continue: the last heading title or the last paragraph.
    private var lastContainer: Container = .none
    /// The copy breaks its lines at a width, mid-sentence (a web page saved as text): a line that
    /// follows one that ended no sentence continues it, whatever its first letter.
    private var isHardWrapped = false
    private var previousLine = 0
    /// The last heading's line opened a bold run that no line has closed yet.
    private var isInBoldHeading = false

    private enum Container { case none, heading, paragraph }

    /// No plan has a paragraph this long (two pages; the shipped ones stay under 1.1 KB). Longer
    /// text — a plan pasted as one line, thousands of lines continuing one another — is cut
    /// into paragraphs of at most this many bytes, at sentence ends where it has them, so that
    /// the work per paragraph stays bounded and reading stays linear in the size of the file.
    static let longestParagraph = 8_192

    init(grammar: Grammar, lexer: Lexer) {
        self.grammar = grammar
        self.lexer = lexer
        tree = SectionTreeBuilder(grammar: grammar.sections)
        closingReader = ClosingReader(grammar: grammar.header)
    }

    mutating func read(_ tokens: ArraySlice<Token>) {
        if let rebuilt = CellStream.rows(in: tokens) { readAll(rebuilt[...]) } else { readAll(tokens) }
    }

    private mutating func readAll(_ tokens: ArraySlice<Token>) {
        isHardWrapped = Self.isHardWrapped(tokens)
        var index = tokens.startIndex
        while index < tokens.endIndex {
            let token = tokens[index]
            var next = index + 1
            while next < tokens.endIndex, tokens[next].isBlank { next += 1 }
            if isInsideTable(token, next: next < tokens.endIndex ? tokens[next] : nil) {
                pendingRows.append(.inner(token))
                linesSinceRow += 1
            } else {
                read(token)
            }
            index += 1
        }
        flushTable()
        sections = tree.finish()
        diagnostics += tree.diagnostics
    }

    private mutating func read(_ token: Token) {
        switch token.kind {
        case .blank, .rule:
            return
        case .tableRow(let cells):
            if inClosing || closingReader.isRecipientsLine(Folding.matchKey(cells.first ?? "")) {
                for cell in cells where !cell.isEmpty {
                    for line in cell.split(separator: "\n") { closingReader.read(lexer.token(SourceLine(number: token.line, text: String(line)))) }
                }
                inClosing = true
                return
            }
            pendingRows.append(.row(token))
            linesSinceRow = 0
            lastContainer = .none
            return
        default:
            break
        }
        flushTable()
        defer { previousLine = token.line }
        // "[1]": a footnote's marker; the notes after the signature are the plan's text again
        if Self.isFootnoteMarker(token.text) {
            inClosing = false
            lastContainer = .none
            return
        }
        if inClosing {
            if case .heading(let label) = token.kind, label.scheme == .appendix {
                inClosing = false
            } else if startsEmbeddedDocument(token) {
                // a Quyết định that carries the plan it approves: the plan follows its signature
                inClosing = false
                tree.startDocument()
            } else {
                closingReader.read(token)
                return
            }
        }
        if case .text = token.kind, closingReader.isRecipientsLine(token.key) || closingReader.isSignatureStart(token) {
            inClosing = true
            closingReader.read(token)
            return
        }
        let (token, rest) = Self.cutLong(token)
        defer { for run in rest { add(Paragraph(kind: .text, run: run)) } }
        switch token.kind {
        case .heading(let label):
            tree.open(label, title: TextRun(token.text, key: token.key, at: token.location))
            lastContainer = .heading
            isInBoldHeading = token.leavesBoldOpen
        case .bullet(let marker):
            add(Paragraph(kind: .bullet(marker), run: TextRun(token.text, key: token.key, at: token.location)))
        default:
            if continues(token) { return }
            add(Paragraph(kind: .text, run: TextRun(token.text, key: token.key, at: token.location)))
        }
    }

    /// A token longer than `longestParagraph`, cut: the token with its first piece, and the
    /// other pieces as runs of their own.
    private static func cutLong(_ token: Token) -> (Token, [TextRun]) {
        guard token.text.utf8.count > longestParagraph else { return (token, []) }
        let pieces = runs(token.text, at: token.location)
        let first = Token(kind: token.kind, text: pieces[0].text, location: token.location,
                          markdownLevel: token.markdownLevel, emphasized: token.emphasized)
        return (first, Array(pieces.dropFirst()))
    }

    /// `text` as runs of at most `longestParagraph` bytes, each located at its own piece.
    private static func runs(_ text: String, at location: SourceLocation) -> [TextRun] {
        cut(text).map { TextRun($0.text, at: SourceLocation(line: location.line, column: location.column + $0.offset)) }
    }

    /// `text` in pieces of at most `longestParagraph` bytes, each with its UTF-8 offset: cut
    /// after the last ". " or "; " of a piece, else after its last space, else between characters.
    static func cut(_ text: String) -> [(text: String, offset: Int)] {
        guard text.utf8.count > longestParagraph else { return [(text, 0)] }
        let bytes = Array(text.utf8)
        var pieces: [(String, Int)] = []
        var start = 0
        while bytes.count - start > longestParagraph {
            var end = start + longestParagraph
            var afterSpace: Int? = nil
            var i = end - 1
            while i > start {
                if bytes[i] == UInt8(ascii: " ") {
                    if afterSpace == nil { afterSpace = i + 1 }
                    if bytes[i - 1] == UInt8(ascii: ".") || bytes[i - 1] == UInt8(ascii: ";") { afterSpace = i + 1; break }
                }
                i -= 1
            }
            if let afterSpace {
                end = afterSpace
            } else {
                while end > start + 1, bytes[end] & 0xC0 == 0x80 { end -= 1 }
            }
            pieces.append((String(decoding: bytes[start..<end], as: UTF8.self).trimmedSpaces, start))
            start = end
        }
        pieces.append((String(decoding: bytes[start...], as: UTF8.self), start))
        return pieces
    }

    /// Appends a lower-case line (or a heading's wrapped capitals) to what it continues.
    private mutating func continues(_ token: Token) -> Bool {
        guard let first = token.text.first(where: { !$0.isWhitespace }) else { return false }
        switch lastContainer {
        case .heading:
            guard let title = tree.currentTitle?.text, title.utf8.count + token.text.utf8.count < Self.longestParagraph else { return false }
            if title.isEmpty {
                // "PHỤ LỤC" or "1." alone on its line: the title is the next line
                tree.continueTitle(token.text, key: token.key, at: token.location)
                return true
            }
            let adjacent = token.line == previousLine + 1
            // "**6. Đề nghị: Hiệp hội" / "Doanh nghiệp tỉnh, …**": the title runs to its bold's end
            if isInBoldHeading, adjacent, title.utf8.count < 400 {
                isInBoldHeading = !token.leavesBoldOpen
                tree.continueTitle(token.text, key: token.key, at: token.location)
                return true
            }
            let wrappedCapitals = adjacent && Folding.isAllCapitals(title) && Folding.isAllCapitals(token.text) && title.count < 80
            let lowerContinuation = (first.isLowercase || isHardWrapped && adjacent) && !Self.endsSentence(title)
            guard wrappedCapitals || lowerContinuation else { return false }
            tree.continueTitle(token.text, key: token.key, at: token.location)
            return true
        case .paragraph:
            guard first.isLowercase || isHardWrapped && token.line == previousLine + 1 else { return false }
            var appended = false
            let append: (inout Paragraph) -> Void = { paragraph in
                guard !Self.endsSentence(paragraph.text),
                      paragraph.text.utf8.count + token.text.utf8.count < Self.longestParagraph else { return }
                paragraph.run.append(token.text, key: token.key, at: token.location)
                appended = true
            }
            if tree.isInsideSection {
                _ = tree.withLastParagraph(append)
            } else if !preamble.isEmpty {
                append(&preamble[preamble.count - 1])
            }
            return appended
        case .none:
            return false
        }
    }

    private mutating func add(_ paragraph: Paragraph) {
        if !tree.add(.paragraph(paragraph)) { preamble.append(paragraph) }
        lastContainer = .paragraph
        isInBoldHeading = false
    }

    private mutating func flushTable() {
        guard !pendingRows.isEmpty else { return }
        defer { pendingRows = [] }
        if pendingRows.count == 1 {
            // one row is a line with tabs in it, not a table
            let row = pendingRows[0].token
            let text = (row.cells ?? []).filter { !$0.isEmpty }.joined(separator: " ")
            for run in Self.runs(text, at: row.location) { add(Paragraph(kind: .text, run: run)) }
            return
        }
        let (table, problems) = TableBuilder.build(pendingRows, grammar: grammar.sections)
        diagnostics += problems
        tables.append(table)
        if !tree.add(.table(tables.count - 1)) {
            diagnostics.append(Diagnostic("table.outside-section", .note, at: table.location, "a table stands before the first section"))
        }
        lastContainer = .none
    }

    // MARK: - Tables

    /// A line between the rows of a table, when the table goes on after it: a group heading that
    /// lost its empty cells ("I. Truyền thông"), the wrapped text of a cell, a page number.
    private func isInsideTable(_ token: Token, next: Token?) -> Bool {
        guard let first = pendingRows.first?.token.cells, linesSinceRow < 3, !inClosing,
              let following = next?.cells, following.filter({ !$0.isEmpty }).count >= 2 else { return false }
        switch token.kind {
        case .heading(let label):
            guard label.scheme != .appendix && label.scheme != .part && label.scheme != .article else { return false }
        case .text, .bullet:
            guard token.text.utf8.count < 500, !closingReader.isRecipientsLine(token.key), !closingReader.isSignatureStart(token) else { return false }
        default:
            return false
        }
        // the row after it continues the table: as wide as its first row, or numbered as a row
        let head = following.first { !$0.isEmpty } ?? ""
        let numbered = Int(head.trimming(". )")) != nil || NumberingReader.romanValue(head.trimming(". )")) != nil
        return following.count == first.count || numbered
    }

    // MARK: - Closing

    /// After a signature, a line that names a document type in capitals ("KẾ HOẠCH") or a
    /// Roman or part heading starts the document the signed one carries.
    private func startsEmbeddedDocument(_ token: Token) -> Bool {
        switch token.kind {
        case .heading(let label):
            return label.scheme == .roman || label.scheme == .part
        case .text:
            guard let type = grammar.header.documentTypes.prefixMatch(of: token.key) else { return false }
            return Folding.isAllCapitals(String(decoding: Array(token.text.utf8)[type.range], as: UTF8.self))
        default:
            return false
        }
    }

    /// Whether a third or more of the longer lines end mid-sentence with the text going on at the
    /// very next line: the mark of a copy wrapped at a width.
    static func isHardWrapped(_ tokens: ArraySlice<Token>) -> Bool {
        var long = 0
        var wrapped = 0
        for index in tokens.indices {
            let token = tokens[index]
            guard case .text = token.kind, token.text.utf8.count >= 40 else { continue }
            long += 1
            guard index + 1 < tokens.endIndex, tokens[index + 1].line == token.line + 1, !endsSentenceByte(token.text) else { continue }
            switch tokens[index + 1].kind {
            case .text, .heading: wrapped += 1
            default: break
            }
        }
        return long >= 10 && wrapped * 3 >= long
    }

    /// `endsSentence` on the last byte: the marks are ASCII, and this runs for every line.
    private static func endsSentenceByte(_ text: String) -> Bool {
        text.withBytes { bytes in
            var i = bytes.count - 1
            while i >= 0, bytes[i] == 0x20 || bytes[i] == 0x2A { i -= 1 }
            guard i >= 0 else { return true }
            let b = bytes[i]
            return b == 0x2E || b == 0x3B || b == 0x3A || b == 0x21 || b == 0x3F
        }
    }

    /// "[1]", "[12]" alone on a line.
    static func isFootnoteMarker(_ text: String) -> Bool {
        guard text.hasPrefix("["), text.hasSuffix("]"), text.utf8.count <= 5 else { return false }
        return text.dropFirst().dropLast().allSatisfy { $0.isASCII && $0.isNumber } && text.utf8.count > 2
    }

    private static func endsSentence(_ text: String) -> Bool {
        guard let last = text.last(where: { !$0.isWhitespace && $0 != "*" }) else { return true }
        return ".;:!?".contains(last)
    }
}
