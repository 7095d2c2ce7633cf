import KehoachGrammar
import KehoachLexer
import KehoachParser
import KehoachText

/// document tree → Plan: metadata, citations and tables as the parser read them, plus the
/// targets, deadlines, responsible units and objectives found in the sections.
public struct Extractor: Sendable {
    public let grammar: Grammar

    public init(grammar: Grammar = .bundled) {
        self.grammar = grammar
    }

    public func extract(_ document: PlanDocument, source: String? = nil) -> Plan {
        // the period the title names, read once: the plan's year, school year, horizon and period
        let scope = document.header.title.map { PlanScope(title: $0.value) }
        let metadata = metadata(document, scope: scope)
        // what each table's columns hold, read once for every extractor
        let columns = document.tables.map { TableColumns($0, grammar: grammar) }
        let items = PlanItems(document, columns: columns)
        // a target with no year of its own is for the plan's year, or the end of its period
        let targetsByItem = targets(in: items, planYear: scope?.schoolYear == nil ? scope?.year ?? scope?.periodEnd : nil)
        let targets = Array(targetsByItem.joined())
        let deadlines = deadlines(in: items, tables: Array(zip(document.tables, columns)), planYears: planYears(scope))
        return Plan(source: source, metadata: metadata, citations: citations(document),
                    sections: document.sections.map(record), targets: targets, deadlines: deadlines,
                    responsibilities: ResponsibilityExtractor(grammar: grammar).responsibilities(in: document, columns: columns),
                    objectives: objectives(in: items, targetsByItem: targetsByItem), tables: document.tables.map(record),
                    recipients: document.closing.recipients, diagnostics: document.diagnostics, document: nil)
    }

    /// The targets of each item, in the items' order.
    func targets(in items: PlanItems, planYear: Int?) -> [[Target]] {
        let extractor = TargetExtractor(grammar: grammar)
        return items.items.map { item in
            // "1. Hiện trạng … là 87 trạm": what is now sets no target; nor does what funds buy
            if item.kinds.contains(.situation) || item.setsNoTargets { return [] }
            return extractor.targets(in: item.keyed).map { found in
                Target(line: item.run.line(atUTF8: found.offset), quote: found.quote, value: found.value,
                       unit: found.unit, comparator: found.comparator, aspirational: found.aspirational,
                       population: found.population, indicator: found.indicator,
                       year: found.ownYear ?? item.sectionYear ?? planYear, text: item.run.text,
                       section: item.path)
            }
        }
    }

    func deadlines(in items: PlanItems, tables: [(Table, TableColumns)], planYears: Set<Int>) -> [Deadline] {
        let extractor = DeadlineExtractor(grammar: grammar, planYears: planYears)
        // a time field or a table's time cell names its time even when it is the plan's own year
        let fieldReader = DeadlineExtractor(grammar: grammar, planYears: [])
        var deadlines: [Deadline] = []
        var seen: Set<String> = []
        func add(_ found: DeadlineExtractor.Found, line: Int, task: String, path: [String]) {
            guard seen.insert("\(line)|\(found.date ?? "-")").inserted else { return }
            deadlines.append(Deadline(line: line, quote: found.quote, date: found.date, kind: found.kind,
                                      task: task.leadingCharacters(160), section: path))
        }
        for item in items.items {
            if item.isHeading, let period = item.headingPeriod {
                let at = item.keyed.keyBytes.firstOffset(of: "\(period.from)".utf8) ?? 0
                add(DeadlineExtractor.Found(offset: 0, quote: item.run.text, date: "\(period.from)/\(period.to)", kind: .during),
                    line: item.run.line(atUTF8: at), task: item.run.text, path: item.path)
                continue
            }
            if item.isHeading, let year = item.headingYear {
                // "Mục tiêu cụ thể năm 2025" → during 2025; "Mục tiêu đến năm 2030" → before 2030
                // the line the year is printed on: a heading may wrap before it
                let at = item.keyed.keyBytes.firstOffset(of: "\(year.year)".utf8) ?? 0
                add(DeadlineExtractor.Found(offset: 0, quote: item.run.text, date: "\(year.year)", kind: year.isLimit ? .before : .during),
                    line: item.run.line(atUTF8: at), task: item.run.text, path: item.path)
                continue
            }
            // "Thời gian thực hiện: năm 2025 và các năm tiếp theo": a task list's time field is read
            // as a table's time cell (where even the plan's own year is a deadline)
            var inField: [DeadlineExtractor.Found] = []
            let field = timeField(item.keyed)
            if let field {
                let value = item.keyed.text(field..<item.keyed.count)
                inField = fieldReader.deadlines(in: value).map { var found = $0; found.offset += field; return found }
                if inField.isEmpty, var found = fieldReader.deadline(inTimeCell: value) {
                    found.offset = field
                    inField = [found]
                }
            }
            // the field opens its item: before it stand only its label, which names no time
            for found in inField.isEmpty ? extractor.deadlines(in: item.keyed) : inField {
                add(found, line: item.run.line(atUTF8: Self.dateOffset(of: found, in: item.keyed)), task: item.run.text, path: item.path)
            }
        }
        // a table's time column; its other cells are read with the rows' items above
        for (table, columns) in tables {
            guard let time = columns.time else { continue }
            for row in table.dataRows where time < row.cells.count {
                if let found = fieldReader.deadline(inTimeCell: row.cells[time]) {
                    add(found, line: columns.dateLine(of: time, in: row), task: columns.task(of: row), path: [])
                }
            }
        }
        // in the plan's order: a table's time cells stand beside its rows' other deadlines
        return deadlines.enumerated().sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }.map(\.element)
    }

    /// Where a deadline's date is printed ("trước\nngày 01 tháng 01 năm 2026" is on the line of
    /// its date): its first digit, or its start when it has none ("thường xuyên").
    private static func dateOffset(of found: DeadlineExtractor.Found, in item: KeyedText) -> Int {
        let end = min(item.count, found.end > found.offset ? found.end : found.offset + found.quote.utf8.count)
        guard found.offset < end else { return found.offset }
        return item.keyBytes[found.offset..<end].firstIndex { (0x30...0x39).contains($0) } ?? found.offset
    }

    /// Where a time field's value starts: "- Thời gian hoàn thành: …" → the offset after ":".
    private func timeField(_ item: KeyedText) -> Int? {
        var start = 0
        while start < item.count, " -+•*".utf8.contains(item.keyBytes[start]) { start += 1 }
        guard let label = item.phrase(startingAt: start, in: grammar.deadlines.timeColumns) else { return nil }
        var colon = label.range.upperBound
        while colon < item.count, item.keyBytes[colon] == 0x20 { colon += 1 }
        guard colon < item.count, item.keyBytes[colon] == UInt8(ascii: ":") else { return nil }
        var value = colon + 1
        while value < item.count, item.keyBytes[value] == 0x20 { value += 1 }
        return value < item.count ? value : nil
    }

    /// The items under MỤC TIÊU / MỤC ĐÍCH sections (not their own headings), each with the
    /// targets it sets. An item's targets are numbered by counting those of the items before it
    /// in `targetsByItem` (`targets(in:)`'s answer), so linking is one pass.
    func objectives(in items: PlanItems, targetsByItem: [[Target]]) -> [Objective] {
        var objectives: [Objective] = []
        var next = 0
        for (item, own) in zip(items.items, targetsByItem) {
            defer { next += own.count }
            guard item.kinds.contains(where: \.isObjectives), item.ownKind == nil else { continue }
            objectives.append(Objective(line: item.run.location.line, text: item.run.text, section: item.path,
                                        targets: Array(next..<(next + own.count))))
        }
        return objectives
    }

    /// The plan's own years: its year or school year. A deadline in one of them restates the
    /// plan's scope; the horizon of a plan for years ("đến năm 2030") is the due time of the
    /// targets that name it, and stays a deadline.
    func planYears(_ scope: PlanScope?) -> Set<Int> {
        var years: Set<Int> = []
        if let y = scope?.year, scope?.yearIsHorizon == false { years.insert(y) }
        if let school = scope?.schoolYear {
            for part in school.split(separator: "-") { if let y = Int(part) { years.insert(y) } }
        }
        return years
    }

    func metadata(_ document: PlanDocument, scope: PlanScope?) -> Metadata {
        let header = document.header
        return Metadata(number: header.number?.value, symbol: header.symbol?.value, docType: header.documentType?.value,
                        issuer: header.issuer?.value, level: header.level, place: header.place?.value,
                        date: header.date?.value.iso, title: header.title?.value, signer: document.closing.signer,
                        signerTitle: document.closing.signerTitle, year: scope?.year, schoolYear: scope?.schoolYear)
    }

    func citations(_ document: PlanDocument) -> [CitationRecord] {
        document.citations.map {
            CitationRecord(type: $0.type, number: $0.number, date: $0.date?.iso, issuer: $0.issuer, line: $0.location.line)
        }
    }

    func record(_ section: Section) -> SectionRecord {
        SectionRecord(label: section.label.text, title: section.title.text, line: section.location.line,
                      kind: section.kind, children: section.children.map(record))
    }

    func record(_ table: Table) -> TableRecord {
        TableRecord(line: table.location.line, header: table.header, rows: table.dataRows.count,
                    groupRows: table.rows.count - table.dataRows.count)
    }
}

/// The period a plan covers, read from its title: "năm 2026" or "năm học 2025 - 2026".
struct PlanScope {
    var year: Int?
    var schoolYear: String?
    /// The year is the end of a plan for years ("đến năm 2030"), not a year the plan is for.
    var yearIsHorizon = false
    /// The last year of the period the title names ("giai đoạn 2026 - 2030").
    var periodEnd: Int?

    init(title: String) {
        let key = Folding.matchKey(title)
        let bytes = Array(key.utf8)
        if let at = bytes.firstOffset(of: Self.periodWord) { periodEnd = YearPhrase.periodEnd(in: Array(bytes[at...])) }
        var scanner = ByteScanner(key: key)
        while !scanner.isAtEnd {
            if scanner.scan("năm học") {
                scanner.skipSpaces()
                if let first = scanner.scanNumber(maxDigits: 4) {
                    scanner.skipSpaces()
                    _ = scanner.scan(byte: UInt8(ascii: "-")) || scanner.scan("–", wholeWord: false)
                    scanner.skipSpaces()
                    if let second = scanner.scanNumber(maxDigits: 4), second == first + 1 {
                        schoolYear = "\(first)-\(second)"
                        return
                    }
                }
            } else if scanner.scan("năm") {
                // "ngày 15 tháng 8 năm 2024": the date of a document the title names, not the plan's year
                let head = scanner.bytes[max(0, scanner.position - 18)..<scanner.position]
                let isDate = head.contains(subsequence: "tháng".utf8)
                let isHorizon = head.dropLast(4).reversed().drop { $0 == 0x20 }.starts(with: "đến".utf8.reversed())
                    || head.contains(subsequence: "đến hết".utf8)
                scanner.skipSpaces()
                // "…, tầm nhìn đến năm 2045": a vision past the plan, not its year
                let wider = scanner.bytes[max(0, scanner.position - 32)..<scanner.position]
                let isVision = wider.contains(subsequence: "tầm nhìn".utf8) || wider.contains(subsequence: "định hướng".utf8)
                if let value = scanner.scanNumber(maxDigits: 4), (1990...2100).contains(value), !isDate, !(isVision && (year != nil || periodEnd != nil)) {
                    // "giai đoạn 2021 - 2025" is a range, not the plan's year
                    year = value
                    yearIsHorizon = isHorizon
                }
            } else {
                scanner.position += 1
            }
        }
    }

    private static let periodWord = Array("giai đoạn".utf8)
}
