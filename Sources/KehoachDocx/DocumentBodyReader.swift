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

    /// Fields whose result is a page count or number: furniture, not the plan's text.
    private static let pageFields: Set<String> = ["PAGE", "NUMPAGES", "SECTIONPAGES"]

    private struct ParagraphState {
        var text: [UInt8] = []
        var style: String?
        var numId: Int?
        var level: Int?
    }

    private struct RunState {
        var caps: Bool?
        var hidden: Bool?
        var style: String?
        var text: [UInt8] = []
    }

    private struct FieldState {
        var instruction: [UInt8] = []
        var showingResult = false
    }

    func read(_ bytes: UnsafeBufferPointer<UInt8>) -> [WordBlock] {
        var part = WordPart(bytes)
        var counters = ListCounters(numbering)
        var blocks: [WordBlock] = []
        // open tables and open cells, innermost last (a cell may hold a table)
        var tables: [WordTable] = []
        var cells: [WordCell] = []
        var paragraph: ParagraphState? = nil
        var run: RunState? = nil
        var fields: [FieldState] = []
        var inParagraphProperties = false, inRunProperties = false, inTableProperties = false, inCellProperties = false
        var inNumbering = false, inBorders = false, inText = false, inInstruction = false

        /// Text outside a page-number field's result, and not hidden.
        func visible() -> Bool {
            !fields.contains { field in
                !field.showingResult || Self.pageFields.contains(Self.fieldName(field.instruction))
            }
        }

        func finishParagraph(_ state: ParagraphState) {
            var text = String(decoding: state.text, as: UTF8.self)
            let style = state.style ?? styles.defaultParagraphStyle
            var numId = state.numId, level = state.level
            if numId == nil, let styled = styles.resolve(style, { $0.numId }) {
                numId = styled
                level = level ?? styles.resolve(style, { $0.level }) ?? style.flatMap { numbering.level(ofStyle: $0, numId: styled) }
            }
            if let numId, numId != 0, let label = counters.label(numId: numId, level: level ?? 0) {
                text = label + text
            }
            if cells.isEmpty {
                blocks.append(.paragraph(text))
            } else {
                cells[cells.count - 1].paragraphs.append(text)
            }
        }

        while let event = part.next() {
            switch event {
            case .text(let range, let isCDATA):
                guard inText || inInstruction else { continue }
                if inInstruction {
                    if !fields.isEmpty { part.scanner.appendText(range, isCDATA: isCDATA, to: &fields[fields.count - 1].instruction) }
                } else if run != nil, visible() {
                    part.scanner.appendText(range, isCDATA: isCDATA, to: &run!.text)
                }
            case .start(let tag):
                if part.isFallback(tag) { part.skipElement(tag); continue }
                guard let element = part.element(tag) else {
                    // a border (w:top, w:insideV, ...) that is drawn
                    if inBorders, !tables.isEmpty, let value = part.value(tag), !["none", "nil"].contains(value) {
                        tables[tables.count - 1].bordered = true
                    }
                    continue
                }
                switch element {
                case .p:
                    paragraph = ParagraphState()
                    if tag.selfClosing { finishParagraph(paragraph!); paragraph = nil }
                case .pPr: inParagraphProperties = !tag.selfClosing
                case .pStyle where inParagraphProperties: paragraph?.style = part.value(tag)
                case .numPr where inParagraphProperties: inNumbering = !tag.selfClosing
                case .numId where inNumbering: paragraph?.numId = part.intValue(tag)
                case .ilvl where inNumbering: paragraph?.level = part.intValue(tag)
                case .r: run = RunState()
                case .rPr: inRunProperties = run != nil && !tag.selfClosing
                case .rStyle where inRunProperties: run?.style = part.value(tag)
                case .caps where inRunProperties: run?.caps = part.isOn(tag)
                case .vanish where inRunProperties: run?.hidden = part.isOn(tag)
                case .t: inText = !tag.selfClosing
                case .instrText: inInstruction = !tag.selfClosing
                case .tab where run != nil && !inParagraphProperties: if visible() { run!.text.append(0x09) }
                case .br where run != nil:
                    // a page or column break moves text, it does not end a line of it
                    let kind = part.scanner.attributeString(Array("type".utf8), of: tag)
                    if kind == nil || kind == "textWrapping", visible() { run!.text.append(0x0A) }
                case .cr where run != nil: if visible() { run!.text.append(0x0A) }
                case .noBreakHyphen where run != nil: if visible() { run!.text.append(UInt8(ascii: "-")) }
                case .fldChar:
                    switch part.scanner.attributeString(Array("fldCharType".utf8), of: tag) {
                    case "begin": fields.append(FieldState())
                    case "separate": if !fields.isEmpty { fields[fields.count - 1].showingResult = true }
                    case "end": _ = fields.popLast()
                    default: break
                    }
                case .fldSimple:
                    let instruction = Array((part.scanner.attributeString(Array("instr".utf8), of: tag) ?? "").utf8)
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
            case .end(let tag):
                guard let element = part.element(tag) else { continue }
                switch element {
                case .p:
                    if let state = paragraph { finishParagraph(state) }
                    paragraph = nil
                case .pPr: inParagraphProperties = false
                case .numPr: inNumbering = false
                case .rPr: inRunProperties = false
                case .t: inText = false
                case .instrText: inInstruction = false
                case .r:
                    if let state = run, paragraph != nil {
                        let hidden = state.hidden ?? styles.resolve(state.style, { $0.hidden }) ?? false
                        let caps = state.caps ?? styles.resolve(state.style, { $0.caps })
                            ?? styles.resolve(paragraph!.style, { $0.caps }) ?? false
                        if !hidden {
                            if caps {
                                paragraph!.text += Array(String(decoding: state.text, as: UTF8.self).uppercased().utf8)
                            } else {
                                paragraph!.text += state.text
                            }
                        }
                    }
                    run = nil
                case .tblPr: inTableProperties = false
                case .tblBorders, .tcBorders: inBorders = false
                case .tcPr: inCellProperties = false
                case .tc:
                    guard let finished = cells.popLast() else { continue }
                    if !tables.isEmpty, !tables[tables.count - 1].rows.isEmpty {
                        tables[tables.count - 1].rows[tables[tables.count - 1].rows.count - 1].append(finished)
                    }
                case .tbl:
                    guard let table = tables.popLast() else { continue }
                    if cells.isEmpty {
                        blocks.append(.table(table))
                    } else {
                        // a table inside a cell: each of its rows becomes a line of that cell
                        cells[cells.count - 1].paragraphs += table.rows.map { row in
                            row.flatMap(\.paragraphs).joined(separator: " ")
                        }
                    }
                default: break
                }
            }
        }
        return blocks
    }

    /// The field's name: the first word of its instruction (` PAGE \* MERGEFORMAT `).
    private static func fieldName(_ instruction: [UInt8]) -> String {
        String(decoding: instruction.split(separator: 0x20).first ?? [], as: UTF8.self).uppercased()
    }
}
