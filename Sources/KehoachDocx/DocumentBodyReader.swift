/// `word/document.xml` → `[WordBlock]`, in one pass over the XML.
///
/// Read: paragraphs and runs in order; list labels from numbering.xml (direct or through the
/// paragraph style); tabs, soft breaks (`w:br`, `w:cr`), non-breaking hyphens; capitals
/// (`w:caps`); tables with `w:gridSpan` and `w:vMerge`, nested tables flattened into their cell.
/// Left out: deleted and moved-away text (`w:del`, `w:moveFrom`), field instructions and the
/// results of page-number fields, hidden text (`w:vanish`), footnote and comment marks,
/// drawings and text boxes, the second copy of `mc:AlternateContent`, section properties.
struct DocumentBodyReader {
    let numbering: Numbering
    let styles: StyleSheet

    func read(_ bytes: UnsafeBufferPointer<UInt8>) -> [WordBlock] {
        var part = WordPart(bytes)
        var walk = Walk(styles: styles, counters: ListCounters(numbering), numbering: numbering)
        while let event = part.next() {
            switch event {
            case .text(let range, let isCDATA): walk.text(range, isCDATA: isCDATA, in: part)
            case .start(let tag): walk.start(tag, in: &part)
            case .end(let tag): walk.end(tag, in: part)
            }
        }
        return walk.blocks
    }
}

/// What the reader knows at a point of the XML: the blocks so far, the open tables, cells,
/// paragraph, run and fields, and which properties element it is inside.
private struct Walk {
    let styles: StyleSheet
    var counters: ListCounters
    let numbering: Numbering
    private(set) var blocks: [WordBlock] = []
    // open tables and open cells, innermost last (a cell may hold a table)
    private var tables: [WordTable] = []
    private var cells: [WordCell] = []
    private var paragraph: ParagraphState? = nil
    private var text: [UInt8] = []
    private var run: RunState? = nil
    private var fields: [FieldState] = []
    private var inParagraphProperties = false, inRunProperties = false, inTableProperties = false, inCellProperties = false
    private var inNumbering = false, inBorders = false, inText = false, inInstruction = false

    /// The list of paragraphs that name no style, from the default style: looked up once.
    private let defaultNumbering: (numId: Int, level: Int?)?

    init(styles: StyleSheet, counters: ListCounters, numbering: Numbering) {
        self.styles = styles
        self.counters = counters
        self.numbering = numbering
        defaultNumbering = Self.styleNumbering(styles.defaultParagraphStyle, styles: styles, numbering: numbering)
    }

    /// The list a paragraph style puts its paragraphs in, and at which level.
    private static func styleNumbering(_ style: String?, styles: StyleSheet, numbering: Numbering) -> (numId: Int, level: Int?)? {
        guard let numId = styles.resolve(style, { $0.numId }) else { return nil }
        return (numId, styles.resolve(style, { $0.level }) ?? style.flatMap { numbering.level(ofStyle: $0, numId: numId) })
    }

    /// The open paragraph. Its text is in `text`, one buffer reused for every paragraph.
    private struct ParagraphState {
        var style: String?
        var numId: Int?
        var level: Int?
    }

    /// A run writes its text straight into its paragraph's, from `start` on.
    private struct RunState {
        var caps: Bool?
        var hidden: Bool?
        var style: String?
        var start: Int
    }

    private struct FieldState {
        var instruction: [UInt8] = []
        var showingResult = false
    }

    /// Fields whose result is a page count or number: furniture, not the plan's text.
    private static let pageFields: Set<String> = ["PAGE", "NUMPAGES", "SECTIONPAGES"]
    private static let type = Array("type".utf8), fldCharType = Array("fldCharType".utf8), instr = Array("instr".utf8)

    /// Text outside a page-number field's result (and outside any field's instruction).
    private var visible: Bool {
        fields.isEmpty || !fields.contains { !$0.showingResult || Self.pageFields.contains(Self.fieldName($0.instruction)) }
    }

    mutating func text(_ range: Range<Int>, isCDATA: Bool, in part: WordPart) {
        if inInstruction {
            if !fields.isEmpty { part.scanner.appendText(range, isCDATA: isCDATA, to: &fields[fields.count - 1].instruction) }
        } else if inText, run != nil, visible {
            let start = text.count
            part.scanner.appendText(range, isCDATA: isCDATA, to: &text)
            // a line end inside w:t is XML white space, not a break Word shows
            for i in start..<text.count where text[i] == 0x0A || text[i] == 0x0D { text[i] = 0x20 }
        }
    }

    mutating func start(_ tag: XMLScanner.Tag, in part: inout WordPart) {
        if part.isFallback(tag) { return part.skipElement(tag) }
        guard let element = part.element(tag) else {
            // a border (w:top, w:insideV, ...) that is drawn
            if inBorders, !tables.isEmpty, let value = part.value(tag), !["none", "nil"].contains(value) {
                tables[tables.count - 1].bordered = true
            }
            return
        }
        switch element {
        case .p:
            paragraph = ParagraphState()
            text.removeAll(keepingCapacity: true)
            if tag.selfClosing { finishParagraph() }
        case .pPr: inParagraphProperties = !tag.selfClosing
        case .pStyle where inParagraphProperties: paragraph?.style = part.value(tag)
        case .numPr where inParagraphProperties: inNumbering = !tag.selfClosing
        case .numId where inNumbering: paragraph?.numId = part.intValue(tag)
        case .ilvl where inNumbering: paragraph?.level = part.intValue(tag)
        case .r: run = paragraph == nil ? nil : RunState(start: text.count)
        case .rPr: inRunProperties = run != nil && !tag.selfClosing
        case .rStyle where inRunProperties: run?.style = part.value(tag)
        case .caps where inRunProperties: run?.caps = part.isOn(tag)
        case .vanish where inRunProperties: run?.hidden = part.isOn(tag)
        case .t: inText = !tag.selfClosing
        case .instrText: inInstruction = !tag.selfClosing
        case .tab where run != nil && !inParagraphProperties: if visible { text.append(0x09) }
        case .br where run != nil:
            // a page or column break moves text, it does not end a line of it
            let kind = part.scanner.attributeString(Self.type, of: tag)
            if kind == nil || kind == "textWrapping", visible { text.append(0x0A) }
        case .cr where run != nil: if visible { text.append(0x0A) }
        case .noBreakHyphen where run != nil: if visible { text.append(UInt8(ascii: "-")) }
        case .fldChar:
            switch part.scanner.attributeString(Self.fldCharType, of: tag) {
            case "begin": if fields.count < 64 { fields.append(FieldState()) }
            case "separate": if !fields.isEmpty { fields[fields.count - 1].showingResult = true }
            case "end": _ = fields.popLast()
            default: break
            }
        case .fldSimple:
            let instruction = Array((part.scanner.attributeString(Self.instr, of: tag) ?? "").utf8)
            if Self.pageFields.contains(Self.fieldName(instruction)) { part.skipElement(tag) }
        case .del, .moveFrom, .delText, .drawing, .pict, .object, .sectPr, .txbxContent:
            part.skipElement(tag)
        case .tbl: tables.append(WordTable())
        case .tblPr: inTableProperties = !tag.selfClosing
        case .tblStyle where inTableProperties && !tables.isEmpty:
            if styles.resolve(part.value(tag), { $0.bordered }) == true { tables[tables.count - 1].bordered = true }
        case .tblBorders, .tcBorders: inBorders = !tag.selfClosing
        case .tr where !tables.isEmpty: tables[tables.count - 1].rows.append([])
        case .tc: cells.append(WordCell())
        case .tcPr: inCellProperties = !tag.selfClosing
        case .gridSpan where inCellProperties && !cells.isEmpty:
            cells[cells.count - 1].span = min(max(part.intValue(tag) ?? 1, 1), 64)
        case .vMerge where inCellProperties && !cells.isEmpty:
            cells[cells.count - 1].merge = part.value(tag) == "restart" ? .restart : .continued
        default: break
        }
    }

    mutating func end(_ tag: XMLScanner.Tag, in part: WordPart) {
        guard let element = part.element(tag) else { return }
        switch element {
        case .p: finishParagraph()
        case .pPr: inParagraphProperties = false
        case .numPr: inNumbering = false
        case .rPr: inRunProperties = false
        case .t: inText = false
        case .instrText: inInstruction = false
        case .r: finishRun()
        case .tblPr: inTableProperties = false
        case .tblBorders, .tcBorders: inBorders = false
        case .tcPr: inCellProperties = false
        case .tc:
            guard let finished = cells.popLast() else { return }
            if !tables.isEmpty, !tables[tables.count - 1].rows.isEmpty {
                tables[tables.count - 1].rows[tables[tables.count - 1].rows.count - 1].append(finished)
            }
        case .tbl:
            guard let table = tables.popLast() else { return }
            if cells.isEmpty {
                blocks.append(.table(table))
            } else {
                // a table inside a cell: each of its rows becomes a line of that cell
                cells[cells.count - 1].paragraphs += table.rows.map { row in row.flatMap(\.paragraphs).joined(separator: " ") }
            }
        default: break
        }
    }

    /// The run's text taken out again when hidden, set in capitals when its style says so.
    private mutating func finishRun() {
        defer { run = nil }
        guard let state = run, let paragraph, text.count > state.start else { return }
        if state.hidden ?? styles.resolve(state.style, { $0.hidden }) ?? false {
            text.removeSubrange(state.start...)
        } else if state.caps ?? styles.resolve(state.style, { $0.caps }) ?? styles.resolve(paragraph.style, { $0.caps }) ?? false {
            let upper = String(decoding: text[state.start...], as: UTF8.self).uppercased()
            text.replaceSubrange(state.start..., with: Array(upper.utf8))
        }
    }

    /// The paragraph, its list label drawn in front, into the open cell or the body.
    private mutating func finishParagraph() {
        guard let state = paragraph else { return }
        paragraph = nil
        var paragraphText = String(decoding: text, as: UTF8.self)
        var numId = state.numId, level = state.level
        if numId == nil, let styled = state.style == nil ? defaultNumbering : Self.styleNumbering(state.style, styles: styles, numbering: numbering) {
            numId = styled.numId
            level = level ?? styled.level
        }
        if let numId, numId != 0, let label = counters.label(numId: numId, level: level ?? 0) {
            paragraphText = label + paragraphText
        }
        if cells.isEmpty {
            blocks.append(.paragraph(paragraphText))
        } else {
            cells[cells.count - 1].paragraphs.append(paragraphText)
        }
    }

    /// The field's name: the first word of its instruction (` PAGE \* MERGEFORMAT `).
    private static func fieldName(_ instruction: [UInt8]) -> String {
        String(decoding: instruction.split(separator: 0x20).first ?? [], as: UTF8.self).uppercased()
    }
}
